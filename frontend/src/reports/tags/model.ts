import { ALL_MEDIA, type AggregateReport, type ReportColumn } from '../common/aggregate';
import type { Series } from '../common/chartOptions';
import { mediaOptions, QUEUE_FIELD, type FilterField } from '../common/filters';

export const TAGS_PATH = '/v1/reports/tags';
export const VIEWS = ['time', 'channel', 'agent'] as const;
export type View = (typeof VIEWS)[number];
export const INTERVALS = ['day', 'hour'] as const;

export const TAGS_PARAMS = ['view', 'interval', 'media', 'channel', 'agents', 'tags', 'queue'];

export const TAGS_FIELDS: FilterField[] = [
  { name: 'media', kind: 'checks', labelKey: 'filters.media', options: mediaOptions(ALL_MEDIA) },
  { name: 'channel', kind: 'text', labelKey: 'filters.channel', placeholderKey: 'filters.listHint' },
  { name: 'agents', kind: 'agents', labelKey: 'filters.agents' },
  { name: 'tags', kind: 'text', labelKey: 'filters.tags', placeholderKey: 'filters.listHint' },
  QUEUE_FIELD,
];

// A tag's column lists the interactions with that tag; "Tags applied"
// counts applications, which no list shows one for one.
export function tagsDrills(col: ReportColumn): boolean {
  return col.drill ?? col.key.startsWith('tag:');
}

type TagSeries = { tag: string; data: number[] };

// tagSeries is the chart's data: the time view's `series` (a line per
// tag); for channels and agents, bars per row stacked by tag.
export function tagSeries(report: AggregateReport, view: View): Series[] {
  if (view === 'time' && Array.isArray(report.series)) {
    return (report.series as TagSeries[]).map((s) => ({ name: s.tag, values: s.data }));
  }
  const tags = (report.columns ?? []).filter((c) => c.key.startsWith('tag:')).map((c) => c.key.slice(4));
  return tags.map((tag) => ({
    name: tag,
    values: report.rows.map((r) => (r.counts as Record<string, number> | undefined)?.[tag] ?? 0),
    stack: 'tags',
  }));
}

export function noneKey(view: View): string {
  return view === 'agent' ? 'none.agent' : 'none.channel';
}
