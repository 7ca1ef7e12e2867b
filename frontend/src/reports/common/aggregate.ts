// Types and pure helpers for the aggregate report responses (IVR, Agents,
// Conversation statistics, Tags): the envelope every one of them carries
// (docs/openapi.yaml AggregateReport) and the drill-down composition of
// docs/metrics.md.

import { MEDIA as ALL_MEDIA } from '../../api/media';
import { quoteListValue } from '../../tracking/link';

export { MEDIA as ALL_MEDIA, TEXT_MEDIA, type Media } from '../../api/media';

export type ReportColumn = { key: string; header: string; drill?: boolean };

// A row is the API's object: its numbers under the column keys, plus
// `drill` (the row's tracking filter; null when no list can show it) and
// `media` (the media it has interactions of).
export type ReportRow = Record<string, unknown> & {
  key?: string;
  label?: string;
  drill?: string | null;
  media?: string[] | null;
};

export type DrillSpec = {
  path: string;
  base: Record<string, string>;
  metrics: Record<string, { query?: string; media?: string[] | null }>;
};

export type AggregateReport = {
  report: string;
  view?: string;
  zone: string;
  from: string;
  to: string;
  timeFrom?: string;
  timeTo?: string;
  generatedAt: string;
  dataThrough: string;
  readUnits?: number; // admins only
  columns?: ReportColumn[];
  rows: ReportRow[];
  totals: ReportRow;
  drill?: DrillSpec;
  // The tag report's time view carries a series per tag for its chart.
  series?: unknown;
};

// drillQuery composes the tracking filter behind one number exactly like
// the API's Drill.Query: the media's base, then the row's drill, then the
// metric's query (only for the media it applies to); a parameter given by
// a later part replaces the earlier one's. null when the number has no
// drill-down (row drill null, or a media the response has no base for).
export function drillQuery(
  drill: DrillSpec | undefined,
  media: string,
  rowDrill: string | null | undefined,
  metric: string,
): Record<string, string | string[]> | null {
  if (!drill || rowDrill === null) return null;
  const base = drill.base[media];
  if (base === undefined) return null;
  const parts = [base, rowDrill ?? ''];
  const m = drill.metrics[metric];
  if (m && (m.media == null || m.media.includes(media))) parts.push(m.query ?? '');
  const out: Record<string, string | string[]> = {};
  for (const part of parts) {
    const seen: Record<string, string[]> = {};
    for (const [k, v] of new URLSearchParams(part)) (seen[k] ??= []).push(v);
    for (const [k, vs] of Object.entries(seen)) out[k] = vs.length === 1 ? (vs[0] as string) : vs;
  }
  return out;
}

// drillMedia is the media a row's numbers drill down into, in the API's
// order; empty when the row has no interactions a list could show.
export function drillMedia(drill: DrillSpec | undefined, row: ReportRow): string[] {
  if (!drill || row.drill === null) return [];
  const media = row.media ?? [];
  return ALL_MEDIA.filter((m) => media.includes(m) && drill.base[m] !== undefined);
}

// hasDrill says whether a column's numbers link to the tracking list. The
// API marks the columns (`drill`); responses without the flag drill every
// column the drill spec names plus the row counts.
export function columnDrills(col: ReportColumn, drill: DrillSpec | undefined): boolean {
  if (!drill) return false;
  if (col.drill !== undefined) return col.drill;
  return false;
}

// cellValue reads a column's value from a row: the tag report keeps its
// per-tag numbers in `counts`, under columns keyed "tag:<tag>".
export function cellValue(row: ReportRow, key: string): unknown {
  if (key.startsWith('tag:')) {
    const counts = row.counts as Record<string, number> | undefined;
    return counts?.[key.slice(4)] ?? 0;
  }
  return row[key];
}

// The tracking report's parameters that take one value; every other one it takes is an
// "any of" list, and the lists together take at most MAX_LIST_VALUES values (one of them
// left for a metric's own, as the API's drill-downs leave it).
const SINGLE_VALUED = new Set(['media', 'from', 'to', 'zone', 'timeFrom', 'timeTo', 'state', 'queue']);
export const MAX_LIST_VALUES = 100 - 1;

// listValues splits a tracking list ("a,b" with RFC 4180 quoting: "x,y" is one value).
export function listValues(v: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (quoted) {
      if (c === '"' && v[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

// unionDrill is the condition of several rows together: rows that each name values of the
// same "any of" parameter (finalAgents=a, finalAgents=b) make one list of all of them
// (finalAgents=a,b). null when the rows' conditions can't be joined into one query (two
// parameters in a row, or different parameters across rows: the tracking report ANDs
// parameters). A row without a condition covers the whole base, and so does the union.
export function unionDrill(drills: string[]): string | null {
  let param: string | null = null;
  const values: string[] = [];
  for (const d of drills) {
    const q = new URLSearchParams(d);
    const keys = [...new Set(q.keys())];
    if (keys.length === 0) return '';
    const [key] = keys;
    if (keys.length > 1 || q.getAll(key!).length > 1) return null;
    if (param !== null && key !== param) return null;
    param = key!;
    for (const v of listValues(q.get(key!)!)) if (!values.includes(v)) values.push(v);
  }
  if (param === null) return '';
  const list = values.map(quoteListValue).join(',');
  return new URLSearchParams({ [param]: list }).toString();
}

function listValueCount(q: Record<string, string | string[]>): number {
  let n = 0;
  for (const [k, v] of Object.entries(q)) {
    if (SINGLE_VALUED.has(k)) continue;
    for (const one of Array.isArray(v) ? v : [v]) n += listValues(one).length;
  }
  return n;
}

// withTotalsDrill gives the totals row the drill-down the response left out: a totals row
// without `media` (the Agents report's) adds up its rows, so it lists the rows'
// interactions together: the rows' media, and the rows' conditions joined (every agent of
// the table). It stays a plain number when that can't be said exactly: a row no list can
// show (drill null), conditions that don't join, or more list values than the tracking
// report takes. A totals row that has its own drill-down is left as the API sent it.
export function withTotalsDrill<T extends AggregateReport>(report: T): T {
  const totals = report.totals;
  const drill = report.drill;
  if (!drill || !totals || totals.drill === null || (totals.media && totals.media.length > 0)) return report;
  const rows = report.rows.filter((r) => (r.media ?? []).length > 0);
  if (rows.length === 0 || rows.some((r) => r.drill === null)) return report;
  const joined = unionDrill(rows.map((r) => r.drill ?? ''));
  if (joined === null) return report;
  const media = ALL_MEDIA.filter((m) => drill.base[m] !== undefined && rows.some((r) => r.media!.includes(m)));
  for (const m of media) {
    const q = drillQuery(drill, m, joined, '');
    if (!q || listValueCount(q) > MAX_LIST_VALUES) return report;
  }
  return { ...report, totals: { ...totals, drill: joined, media } };
}
