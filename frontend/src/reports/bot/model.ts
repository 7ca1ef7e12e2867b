import { addDays } from '../../ui/dateRange';
import { TEXT_MEDIA } from '../common/aggregate';
import { mediaOptions, type FilterField } from '../common/filters';
import type { Message } from '../../history/types';

export const BOT_PATH = '/v1/reports/bot-conversations';
export const MAX_DAYS = 31; // seed 002: the interval may not exceed thirty-one days
export const PAGE_SIZE = 100;

export const INFO_OPS = ['equals', 'not_equals', 'contains', 'not_contains', 'exists'] as const;
export type InfoOp = (typeof INFO_OPS)[number];

export const END_REASONS = ['', 'completed', 'transferred', 'cancelled_inactivity', 'abandoned'] as const;

export type BotSession = {
  id: string;
  channel: string;
  phone: string;
  name: string;
  contact: string;
  start: string;
  end: string;
  protocol: string;
  labels: string[];
  info: Record<string, string>;
  wentToHuman: boolean;
  queue: string;
  interactionId?: string;
  interactionUrl?: string;
  endReason: string;
  status: string;
};

export type BotPage = {
  zone: string;
  from: string;
  to: string;
  channels: string[];
  sort: 'asc' | 'desc';
  generatedAt: string;
  dataThrough: string;
  sessions: BotSession[];
  totals: { count: number };
  nextCursor: string | null;
  itemsRead?: number; // admins only
};

export type BotMessage = Message;

export type BotConversation = { id: string; start: string; end: string; wentToHuman: boolean; endReason: string; status: string };

export type BotSessionDetail = {
  zone: string;
  generatedAt: string;
  dataThrough: string;
  session: BotSession & { conversations: BotConversation[]; messages: BotMessage[] };
};

// Seed 002's filter: session, protocol, labels, additional information with
// its operation, channels and contact (the interval is the DateRange).
export const BOT_FIELDS: FilterField[] = [
  { name: 'session', kind: 'text', labelKey: 'bot.filters.session', placeholderKey: 'bot.filters.sessionHint' },
  { name: 'protocol', kind: 'text', labelKey: 'bot.filters.protocol', placeholderKey: 'bot.filters.protocolHint' },
  { name: 'labels', kind: 'text', labelKey: 'bot.filters.labels', placeholderKey: 'filters.listHint' },
  { name: 'info', kind: 'text', labelKey: 'bot.filters.info', placeholderKey: 'bot.filters.infoHint' },
  {
    name: 'op',
    kind: 'select',
    labelKey: 'bot.filters.op',
    options: [{ value: '', labelKey: 'bot.filters.opNone' }, ...INFO_OPS.map((o) => ({ value: o, labelKey: `bot.op.${o}` }))],
  },
  { name: 'value', kind: 'text', labelKey: 'bot.filters.value' },
  { name: 'channel', kind: 'checks', labelKey: 'bot.filters.channel', options: mediaOptions(TEXT_MEDIA) },
  { name: 'contact', kind: 'text', labelKey: 'bot.filters.contact', placeholderKey: 'bot.filters.contactHint' },
  {
    name: 'sort',
    kind: 'select',
    labelKey: 'bot.filters.sort',
    options: [
      { value: '', labelKey: 'bot.sort.desc' },
      { value: 'asc', labelKey: 'bot.sort.asc' },
    ],
  },
];

export const BOT_PARAMS = ['session', 'protocol', 'labels', 'info', 'op', 'value', 'channel', 'contact', 'sort'];

// validProtocol mirrors the API's rule: 17 digits whose first 8 are a real
// date as YYYYMMDD (20251007092633646).
export function validProtocol(p: string): boolean {
  if (!/^\d{17}$/.test(p)) return false;
  const y = Number(p.slice(0, 4));
  const m = Number(p.slice(4, 6));
  const d = Number(p.slice(6, 8));
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export type Problem = { field: string; key: string; values?: Record<string, unknown> };

// validateBotFilters catches, before a request, what the API would answer
// 400 to: a malformed protocol, an operation without its key or value,
// and a value without an operation.
export function validateBotFilters(v: Record<string, string>): Problem | null {
  const protocol = (v.protocol ?? '').trim();
  if (protocol && !validProtocol(protocol)) return { field: 'protocol', key: 'bot.errors.protocol' };
  const info = (v.info ?? '').trim();
  const op = (v.op ?? '').trim();
  const value = v.value ?? '';
  if (info && !/^[A-Za-z0-9_.-]{1,64}$/.test(info)) return { field: 'info', key: 'bot.errors.infoKey' };
  if (info && !op) return { field: 'op', key: 'bot.errors.opRequired' };
  if (op && !info) return { field: 'info', key: 'bot.errors.infoRequired' };
  if (op && op !== 'exists' && value.trim() === '') return { field: 'value', key: 'bot.errors.valueRequired' };
  if (op === 'exists' && value.trim() !== '') return { field: 'value', key: 'bot.errors.valueWithExists' };
  if (!op && value.trim() !== '') return { field: 'op', key: 'bot.errors.opRequired' };
  return null;
}

// daysBetween counts both ends: 2026-01-01..2026-01-31 is 31 days.
export function daysBetween(from: string, to: string): number {
  const t = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((t(to) - t(from)) / 86_400_000) + 1;
}

// botParams is one page's request: the period, the URL's filters, the
// page size and the cursor of the page before.
export function botParams(search: URLSearchParams, range: { from: string; to: string }, cursor?: string | null): URLSearchParams {
  const out = new URLSearchParams();
  out.set('from', range.from);
  out.set('to', range.to);
  for (const name of BOT_PARAMS) {
    const v = search.get(name);
    if (v && v.trim() !== '') out.set(name, name === 'value' ? v : v.trim());
  }
  out.set('limit', String(PAGE_SIZE));
  if (cursor) out.set('cursor', cursor);
  return out;
}

// statusKey translates the API's endReason ("" while the session is open).
export function statusKey(endReason: string): string {
  return `bot.status.${endReason || 'open'}`;
}

// localInstant turns the report's "YYYY-MM-DD HH:MM:SS" (already a clock
// reading in the report's zone) into a value format.ts can show in the
// locale's order: read in UTC, it keeps the same clock reading.
export function localInstant(stamp: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(stamp);
  return m ? `${m[1]}T${m[2]}Z` : null;
}

// handoverQuery is the tracking filter that opens the interaction a
// session was handed over as: its channel and start date, with the
// tracking screen's history drawer (`h`) on that interaction.
export function handoverQuery(s: Pick<BotSession, 'channel' | 'start' | 'interactionId'>): Record<string, string> | null {
  if (!s.interactionId) return null;
  // The handover may start the interaction after midnight: the list spans the next day too.
  const date = s.start.slice(0, 10);
  const q: Record<string, string> = { media: s.channel, from: date, to: addDays(date, 1), state: 'all', h: s.interactionId };
  if (s.channel !== 'email') q.serviceStatus = 'all'; // email has no service status filter
  return q;
}
