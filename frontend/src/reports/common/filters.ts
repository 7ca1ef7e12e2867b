// Filter state lives in the URL's search params under the API's own
// parameter names, so a report view can be shared by its address and the
// request is the URL's filters with the period resolved.

// FilterField describes one filter of a report's form.
export type FilterField =
  | { name: string; kind: 'text'; labelKey: string; placeholderKey?: string; pattern?: string }
  | { name: string; kind: 'time'; labelKey: string; step: number }
  | { name: string; kind: 'agents'; labelKey: string }
  | { name: string; kind: 'queue'; labelKey: string }
  | { name: string; kind: 'select'; labelKey: string; options: { value: string; labelKey: string }[] }
  | { name: string; kind: 'checks'; labelKey: string; options: { value: string; labelKey: string }[] };

// mediaOptions are the checkboxes of a media filter, labelled as every screen labels media.
export function mediaOptions(media: readonly string[]): { value: string; labelKey: string }[] {
  return media.map((m) => ({ value: m, labelKey: `media.${m}` }));
}

// readFilters is the form's values as the URL holds them ('' when absent).
export function readFilters(search: URLSearchParams, fields: FilterField[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.name] = search.get(f.name) ?? '';
  return out;
}

// writeFilters puts the form's values into the URL, leaving other params
// (period, grouping, view) alone; empty values are removed so the URL stays
// short and a cleared filter means "any". resetKeys (a paging cursor, a
// selected row) are dropped since they belong to the previous filter.
export function writeFilters(
  search: URLSearchParams,
  values: Record<string, string>,
  fields: FilterField[],
  resetKeys: string[] = [],
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const f of fields) {
    const v = (values[f.name] ?? '').trim();
    if (v) next.set(f.name, v);
    else next.delete(f.name);
  }
  for (const k of resetKeys) next.delete(k);
  return next;
}

// apiParams is the request of a report: the period, then the URL's values
// of the parameters the endpoint takes (any other search param is the
// screen's own and must not reach the API, which answers 400 to unknown
// parameters).
export function apiParams(
  search: URLSearchParams,
  allowed: string[],
  range: { from: string; to: string },
): URLSearchParams {
  const out = new URLSearchParams();
  out.set('from', range.from);
  out.set('to', range.to);
  for (const name of allowed) {
    if (name === 'from' || name === 'to') continue;
    const v = search.get(name)?.trim();
    if (v) out.set(name, v);
  }
  return out;
}

// splitList reads a comma-separated list as the checkbox filters keep it.
export function splitList(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

// toggleList adds or removes one value, keeping the options' order.
export function toggleList(current: string, value: string, on: boolean, order: string[]): string {
  const set = new Set(splitList(current));
  if (on) set.add(value);
  else set.delete(value);
  return order.filter((o) => set.has(o)).join(',');
}

// choice reads a search param restricted to known values, else the default.
export function choice<T extends string>(search: URLSearchParams, name: string, values: readonly T[], fallback: T): T {
  const v = search.get(name);
  return values.includes(v as T) ? (v as T) : fallback;
}

// Quarter-hour windows: the rollups are kept per UTC quarter-hour, so the
// API takes a window only when it starts on one (HH:00, :15, :30, :45) and
// ends at one's last minute (HH:14, :29, :44, :59).
export function timeWindowProblem(from: string, to: string): { field: string; reason: 'start' | 'end' | 'both' } | null {
  if ((from === '') !== (to === '')) return { field: from === '' ? 'timeFrom' : 'timeTo', reason: 'both' };
  if (from && !/^([01]\d|2[0-3]):(00|15|30|45)$/.test(from)) return { field: 'timeFrom', reason: 'start' };
  if (to && !/^([01]\d|2[0-3]):(14|29|44|59)$/.test(to)) return { field: 'timeTo', reason: 'end' };
  return null;
}

// The queue filter every aggregate report takes: one queue. A supervisor
// picks among theirs (any other is a 403); an admin types one.
export const QUEUE_FIELD: FilterField = { name: 'queue', kind: 'queue', labelKey: 'filters.queue' };
