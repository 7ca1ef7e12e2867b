// Date shortcuts of the filters, computed as local dates (YYYY-MM-DD, what the API's
// from/to take) in the tenant's zone: "today" for a São Paulo tenant is São Paulo's today,
// whatever the browser's clock zone.

export const SHORTCUTS = ['today', 'yesterday', 'last7', 'thisMonth', 'lastMonth'] as const;
export type Shortcut = (typeof SHORTCUTS)[number];
export type Range = { from: string; to: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(v: string | null | undefined): v is string {
  if (!v || !ISO_DATE.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

// todayIn is the calendar date in zone at instant now.
export function todayIn(zone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
}

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function fmt(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  return fmt(new Date(Date.UTC(y, m - 1, d + n)));
}

export function shortcutRange(s: Shortcut, zone: string, now: Date = new Date()): Range {
  const today = todayIn(zone, now);
  const [y, m] = parts(today);
  switch (s) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const y1 = addDays(today, -1);
      return { from: y1, to: y1 };
    }
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'thisMonth':
      return { from: fmt(new Date(Date.UTC(y, m - 1, 1))), to: today };
    case 'lastMonth':
      return { from: fmt(new Date(Date.UTC(y, m - 2, 1))), to: fmt(new Date(Date.UTC(y, m - 1, 0))) };
  }
}

// shortcutOf names the shortcut a range equals today, or 'custom'.
export function shortcutOf(r: Range, zone: string, now: Date = new Date()): Shortcut | 'custom' {
  for (const s of SHORTCUTS) {
    const c = shortcutRange(s, zone, now);
    if (c.from === r.from && c.to === r.to) return s;
  }
  return 'custom';
}

// resolveRange reads from/to as the URL holds them, falling back to a shortcut; an
// inverted range is swapped rather than refused, since it can only come from a hand-edited URL.
export function resolveRange(
  from: string | null,
  to: string | null,
  zone: string,
  fallback: Shortcut,
  now: Date = new Date(),
): Range {
  if (!isIsoDate(from) && !isIsoDate(to)) return shortcutRange(fallback, zone, now);
  const f = isIsoDate(from) ? from : (to as string);
  const t = isIsoDate(to) ? to : f;
  return f <= t ? { from: f, to: t } : { from: t, to: f };
}
