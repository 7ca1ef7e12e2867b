import { TEXT_MEDIA, type DrillSpec, type ReportColumn, type ReportRow } from '../common/aggregate';
import { mediaOptions, QUEUE_FIELD, type FilterField } from '../common/filters';
import type { Series } from '../common/chartOptions';

export const CONVERSATIONS_PATH = '/v1/reports/conversations';
export const VIEWS = ['overview', 'agent', 'hour', 'date', 'channel'] as const;
export type View = (typeof VIEWS)[number];

export const CONVERSATIONS_PARAMS = [
  'view',
  'media',
  'channel',
  'done',
  'supported',
  'category',
  'users',
  'supportType',
  'tags',
  'userTags',
  'queue',
];

const yesNo = (prefix: string) => [
  { value: '', labelKey: 'filters.any' },
  { value: 'yes', labelKey: `${prefix}.yes` },
  { value: 'no', labelKey: `${prefix}.no` },
];

// Seed 001 §1.1's filters (the date range is the DateRange).
export const CONVERSATIONS_FIELDS: FilterField[] = [
  { name: 'media', kind: 'checks', labelKey: 'filters.media', options: mediaOptions(TEXT_MEDIA) },
  { name: 'channel', kind: 'text', labelKey: 'filters.channel', placeholderKey: 'filters.listHint' },
  { name: 'done', kind: 'select', labelKey: 'filters.done', options: yesNo('filters.doneValue') },
  { name: 'supported', kind: 'select', labelKey: 'filters.supported', options: yesNo('filters.supportedValue') },
  { name: 'category', kind: 'text', labelKey: 'filters.category', placeholderKey: 'filters.listHint' },
  { name: 'users', kind: 'agents', labelKey: 'filters.users' },
  {
    name: 'supportType',
    kind: 'select',
    labelKey: 'filters.supportType',
    options: [
      { value: '', labelKey: 'filters.any' },
      { value: 'message', labelKey: 'filters.supportTypeValue.message' },
      { value: 'comment', labelKey: 'filters.supportTypeValue.comment' },
    ],
  },
  { name: 'tags', kind: 'text', labelKey: 'filters.tags', placeholderKey: 'filters.listHint' },
  { name: 'userTags', kind: 'text', labelKey: 'filters.userTags', placeholderKey: 'filters.listHint' },
  QUEUE_FIELD,
];

// Distinct contacts and percentages aren't interactions a list can show
// (docs/metrics.md); the API marks the others.
// A column drills down when the response's drill spec has its filter.
export function conversationsDrills(col: ReportColumn, drill: DrillSpec | undefined): boolean {
  if (col.drill !== undefined) return col.drill;
  if (col.key === 'label' || col.key === 'contacts' || /^pct|Pct/.test(col.key)) return false;
  return drill?.metrics[col.key] !== undefined;
}

export function num(row: ReportRow, key: string): number {
  const v = row[key];
  return typeof v === 'number' ? v : 0;
}

// percentOf is 100·x/n to one decimal like the API's, 0 when n is 0: the
// overview view carries counts only, its KPI cards show the two rates.
export function percentOf(x: number, n: number): number {
  if (n === 0) return 0;
  return Math.round((x * 1000) / n) / 10;
}

export type Kpi = { key: string; value: number; drill: boolean };

// overviewKpis are seed 001 §1.2's statistics plus % complete and %
// supported, from the totals row.
export function overviewKpis(totals: ReportRow): Kpi[] {
  const total = num(totals, 'conversations');
  const keys = ['conversations', 'contacts', 'assigned', 'notAssigned', 'done', 'pending', 'supported', 'avgWait', 'avgSupport'];
  return [
    ...keys.filter((k) => k in totals).map((k) => ({ key: k, value: num(totals, k), drill: k !== 'contacts' })),
    { key: 'pctDone', value: percentOf(num(totals, 'done'), total), drill: false },
    { key: 'pctSupported', value: percentOf(num(totals, 'supported'), total), drill: false },
  ];
}

// chartFor is what each view draws: the agent matrix as bars per agent, the
// hour and date views as lines, the channel view as bars stacked by
// support type.
export function chartSeries(view: View, rows: ReportRow[], columns: ReportColumn[], name: (key: string) => string): Series[] {
  const has = (k: string) => columns.some((c) => c.key === k);
  const series = (keys: string[], stack?: string) =>
    keys.filter(has).map((k) => ({ name: name(k), values: rows.map((r) => num(r, k)), stack }));
  switch (view) {
    case 'agent':
      return series(columns.filter((c) => /^(assigned|unassigned)/.test(c.key)).map((c) => c.key), 'matrix');
    case 'hour':
    case 'date':
      return series(['conversations', 'chatTotal', 'commentTotal']);
    case 'channel': {
      const out = series(['chatTotal', 'commentTotal'], 'type');
      // Conversations with no support type complete the stack to the total.
      const other = rows.map((r) => Math.max(0, num(r, 'conversations') - num(r, 'chatTotal') - num(r, 'commentTotal')));
      if (other.some((v) => v > 0)) out.push({ name: name('untyped'), values: other, stack: 'type' });
      return out;
    }
    default:
      return series(['conversations', 'supported', 'done']);
  }
}

export function noneKey(view: View): string {
  return view === 'agent' ? 'none.agent' : view === 'channel' ? 'none.channel' : 'none.media';
}
