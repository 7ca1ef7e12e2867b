// Types and pure helpers for the aggregate report responses (IVR, Agents,
// Conversation statistics, Tags): the envelope every one of them carries
// (docs/openapi.yaml AggregateReport) and the drill-down composition of
// docs/metrics.md.

import { MEDIA as ALL_MEDIA } from '../../api/media';

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
  readUnits: number;
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
