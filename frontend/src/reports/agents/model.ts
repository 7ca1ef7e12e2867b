import { ALL_MEDIA, type ReportColumn, type ReportRow } from '../common/aggregate';
import { mediaOptions, QUEUE_FIELD, type FilterField } from '../common/filters';

export const AGENTS_PATH = '/v1/reports/agents';

export const AGENTS_PARAMS = ['timeFrom', 'timeTo', 'media', 'services', 'userTags', 'users', 'userStatus', 'queue'];

export const USER_STATUSES = ['available', 'paused', 'offline'] as const;

// Seed 000's Agents filters: media, date (the DateRange), time, services,
// user tags, users, user status.
export const AGENTS_FIELDS: FilterField[] = [
  { name: 'media', kind: 'checks', labelKey: 'filters.media', options: mediaOptions(ALL_MEDIA) },
  { name: 'timeFrom', kind: 'time', labelKey: 'filters.timeFrom', step: 60 },
  { name: 'timeTo', kind: 'time', labelKey: 'filters.timeTo', step: 60 },
  { name: 'services', kind: 'text', labelKey: 'filters.services', placeholderKey: 'filters.listHint' },
  { name: 'userTags', kind: 'text', labelKey: 'filters.userTags', placeholderKey: 'filters.listHint' },
  { name: 'users', kind: 'agents', labelKey: 'filters.users' },
  {
    name: 'userStatus',
    kind: 'checks',
    labelKey: 'filters.userStatus',
    options: USER_STATUSES.map((s) => ({ value: s, labelKey: `agentStatus.${s}` })),
  },
  QUEUE_FIELD,
];

// The numbers that count or average listable interactions (docs/metrics.md
// Agents report); pauses and working time come from agent events, which no
// interaction list can show.
const DRILLED = new Set([
  'handled',
  'completed',
  'transferred',
  'avgHandle',
  'avgFirstResponse',
  'avgResponse',
  'avgProductive',
  'avgUnproductive',
  'csat',
]);

export function agentsDrills(col: ReportColumn): boolean {
  return col.drill ?? DRILLED.has(col.key);
}

export const AGENT_KPIS = ['handled', 'completed', 'transferred', 'avgHandle', 'csat', 'pauses', 'pauseTime', 'loggedTime'] as const;

type Reasons = Record<string, { count: number; time: number }>;

function reasonsOf(row: ReportRow): Reasons {
  const r = row.pauseReasons;
  return r && typeof r === 'object' ? (r as Reasons) : {};
}

// pauseReasons lists every pause reason of the rows and totals, sorted, so
// "pause time by reason" gets one column per reason.
export function pauseReasons(rows: ReportRow[], totals: ReportRow): string[] {
  const set = new Set<string>();
  for (const r of [...rows, totals]) for (const k of Object.keys(reasonsOf(r))) set.add(k);
  return [...set].sort((a, b) => a.localeCompare(b));
}

export function pauseTimeFor(row: ReportRow, reason: string): number {
  return reasonsOf(row)[reason]?.time ?? 0;
}

export function agentLabel(row: ReportRow): string {
  const name = typeof row.agentName === 'string' ? row.agentName : '';
  const id = typeof row.agentId === 'string' ? row.agentId : '';
  return name || id;
}
