import type { ReportColumn, ReportRow } from '../common/aggregate';
import { QUEUE_FIELD, type FilterField } from '../common/filters';

export const IVR_PATH = '/v1/reports/ivr';
export const GROUPS = ['ivr', 'service', 'agent', 'hour', 'day'] as const;
export type Group = (typeof GROUPS)[number];

// The parameters GET /v1/reports/ivr takes besides the period.
export const IVR_PARAMS = ['group', 'agents', 'services', 'ivr', 'userTags', 'queue'];

// Seed 000's IVR filters (the grouping is the view switch).
export const IVR_FIELDS: FilterField[] = [
  { name: 'agents', kind: 'agents', labelKey: 'filters.agents' },
  { name: 'services', kind: 'text', labelKey: 'filters.services', placeholderKey: 'filters.listHint' },
  { name: 'ivr', kind: 'text', labelKey: 'filters.ivr', placeholderKey: 'filters.listHint' },
  { name: 'userTags', kind: 'text', labelKey: 'filters.userTags', placeholderKey: 'filters.listHint' },
  QUEUE_FIELD,
];

export const IVR_KPIS = ['received', 'answered', 'abandonedIvr', 'abandonedQueue', 'avgWait', 'avgHandle'] as const;

// Every IVR number counts listable calls; the API marks them, and a
// response without the marks still drills its counting columns.
export function ivrDrills(col: ReportColumn): boolean {
  return col.drill ?? col.key !== 'label';
}

// chartKind: hours and days are a time line, the other groupings bars.
export function chartKind(group: Group): 'line' | 'bar' {
  return group === 'hour' || group === 'day' ? 'line' : 'bar';
}

// The chart shows the call counts; durations live in their own columns.
export const CHART_METRICS = ['received', 'answered', 'abandonedIvr', 'abandonedQueue'] as const;

export function chartSeries(rows: ReportRow[]): Record<(typeof CHART_METRICS)[number], number[]> {
  const out = { received: [], answered: [], abandonedIvr: [], abandonedQueue: [] } as Record<
    (typeof CHART_METRICS)[number],
    number[]
  >;
  for (const r of rows) for (const m of CHART_METRICS) out[m].push(Number(r[m] ?? 0));
  return out;
}

// The "no value" row of a grouping ("(no IVR)", keyed "") by group.
export function noneKey(group: Group): string {
  return `none.${group}`;
}
