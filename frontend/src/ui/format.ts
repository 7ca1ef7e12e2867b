// Locale- and zone-aware formatting shared by every screen. Formatters are cached:
// building an Intl object is far slower than using one, and tables format thousands of cells.

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function numberFormat(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(opts)}`, () => new Intl.NumberFormat(locale, opts));
}

function dateFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${locale}|${JSON.stringify(opts)}`, () => new Intl.DateTimeFormat(locale, opts));
}

const dash = '–';

// formatNumber formats a count or measure; null/undefined/NaN show as a dash.
export function formatNumber(n: number | null | undefined, locale: string, maxFractionDigits = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return dash;
  return numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(n);
}

// formatPercent takes a percentage as the API gives it (0–100, e.g. 85.3), not a ratio.
export function formatPercent(x: number | null | undefined, locale: string, fractionDigits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return dash;
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  }).format(x / 100);
}

// formatDuration shows seconds as H:MM:SS (hours unbounded), the contact-center convention
// in both languages; fractions are rounded to the second.
export function formatDuration(seconds: number | null | undefined, _locale?: string): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return dash;
  const neg = seconds < 0;
  let s = Math.round(Math.abs(seconds));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${neg ? '-' : ''}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function toDate(iso: string | Date | null | undefined): Date | null {
  if (!iso) return null;
  const d = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

// formatDateTime shows an instant (RFC 3339) in the tenant's zone, in the locale's order.
export function formatDateTime(iso: string | Date | null | undefined, zone: string, locale: string): string {
  const d = toDate(iso);
  if (!d) return dash;
  return dateFormat(locale, {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

// formatDate shows either an instant (in zone) or a plain YYYY-MM-DD date (as is: a local
// date has no zone to convert from) in the locale's order.
export function formatDate(value: string | Date | null | undefined, zone: string, locale: string): string {
  if (!value) return dash;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return dateFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(Date.UTC(y, m - 1, d)),
    );
  }
  const d = toDate(value);
  if (!d) return dash;
  return dateFormat(locale, { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

// formatTime shows an instant's time of day in zone.
export function formatTime(iso: string | Date | null | undefined, zone: string, locale: string): string {
  const d = toDate(iso);
  if (!d) return dash;
  return dateFormat(locale, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

// formatBytes shows a file size with binary units.
export function formatBytes(bytes: number | null | undefined, locale: string): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return dash;
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatNumber(v, locale, i === 0 ? 0 : 1)} ${units[i]}`;
}
