import { formatDuration, formatNumber } from '../ui/format';

// How the report's cells are shown. The API renders dates and times in the tenant's zone
// with seed 000's layouts; the screen only reorders them for the locale (it never converts
// zones again) and shows durations, given in seconds, as H:MM:SS.

export const DURATION_KEYS = new Set(['duration', 'apt', 'aut', 'afrt', 'art', 'acw']);
export const NUMBER_KEYS = new Set(['jitterMs', 'packetLossPct']);

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const YMD_HMS = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2})$/;
const DMY_HMS = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}:\d{2}:\d{2})$/;

function localDate(y: string, m: string, d: string, locale: string): string {
  // pt-BR writes DD/MM/YYYY; en keeps the ISO order the seed uses, which is unambiguous.
  return locale.startsWith('pt') ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

// localizeDateText reorders an API date or date-time string for the locale.
export function localizeDateText(v: string, locale: string): string {
  let m = YMD.exec(v);
  if (m) return localDate(m[1]!, m[2]!, m[3]!, locale);
  m = YMD_HMS.exec(v);
  if (m) return `${localDate(m[1]!, m[2]!, m[3]!, locale)} ${m[4]}`;
  m = DMY_HMS.exec(v);
  if (m) return `${localDate(m[3]!, m[2]!, m[1]!, locale)} ${m[4]}`;
  return v;
}

// sortValue is what a column sorts by: seconds and numbers as numbers, the voice end
// times (DD-MM-YYYY) in date order.
export function sortValue(key: string, v: unknown): unknown {
  if (typeof v === 'string') {
    const m = DMY_HMS.exec(v);
    if (m) return `${m[3]}-${m[2]}-${m[1]} ${m[4]}`;
  }
  if (Array.isArray(v)) return v.join(', ');
  if (v === null || v === undefined) return key && (DURATION_KEYS.has(key) || NUMBER_KEYS.has(key)) ? undefined : '';
  return v;
}

export function formatCell(key: string, v: unknown, locale: string): string {
  if (v === null || v === undefined || v === '') return '';
  if (DURATION_KEYS.has(key) && typeof v === 'number') return formatDuration(v);
  if (typeof v === 'number') return formatNumber(v, locale);
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'boolean') return String(v);
  return localizeDateText(String(v), locale);
}
