import { formatDuration, formatNumber, formatPercent } from '../../ui/format';
import type { ReportColumn } from './aggregate';

// How a report column's values are shown. The API sends durations in
// seconds, percentages as 0–100 and CSAT as a 1–4 mean.
export type ColumnKind = 'text' | 'count' | 'duration' | 'percent' | 'rating';

const TEXT = new Set(['label', 'agentName', 'status', 'key']);
const DURATIONS = new Set(['waitTotal', 'supportTotal', 'pauseTime', 'loggedTime']);

export function columnKind(key: string): ColumnKind {
  if (key.startsWith('tag:')) return 'count';
  if (TEXT.has(key)) return 'text';
  if (key === 'csat') return 'rating';
  if (/^pct|Pct/.test(key)) return 'percent';
  if (DURATIONS.has(key) || /^avg[A-Z]/.test(key)) return 'duration';
  return 'count';
}

// formatCell shows one value of a column by its kind.
export function formatCell(kind: ColumnKind, v: unknown, locale: string): string {
  if (kind === 'text') return v === null || v === undefined ? '' : String(v);
  const n = typeof v === 'number' ? v : null;
  switch (kind) {
    case 'duration':
      return formatDuration(n, locale);
    case 'percent':
      return formatPercent(n, locale);
    case 'rating':
      return formatNumber(n, locale, 2);
    default:
      return formatNumber(n, locale, 0);
  }
}

// headerKey is the i18n key (namespace reports) of a column's header and
// its interpolation values. Keys the API builds from settings or data
// (SLA thresholds, tag names) are mapped to a template or left to the
// API's header.
export function headerKey(col: ReportColumn): { key: string; values?: Record<string, unknown> } | null {
  // The first column's header names the grouping ("IVR", "Hour", "Channel"…).
  if (col.key === 'label') return { key: `rowHeader.${col.header.toLowerCase().replace(/[^a-z]/g, '')}` };
  const within = /^within(\d+)$/.exec(col.key);
  if (within) return { key: 'col.within', values: { minutes: Number(within[1]) } };
  if (/^[A-Za-z]+$/.test(col.key)) return { key: `col.${col.key}` };
  return null;
}
