// Which filter fields the Interaction Tracking screen shows for each media: seed 000's
// fields (with its per-media notes) and seed 004's, as the report API takes them. A field
// the API would refuse for a media is never shown for it.

import { MEDIA, TEXT_MEDIA, type Media } from '../api/media';

export { isMedia, MEDIA, type Media } from '../api/media';

export type FieldKind =
  | 'select' // one of options
  | 'multi' // any of options (checkbox group)
  | 'text' // free text, sent as is
  | 'list' // several free values, comma-separated
  | 'email'
  | 'time' // HH:MM
  | 'agents' // agent ids picked by name
  | 'queue';

export type FilterField = {
  param: string; // the API's query parameter
  kind: FieldKind;
  options?: readonly string[];
  media?: readonly Media[]; // shown only for these; every media when absent
  source: '000' | '004'; // the seed the field comes from
};

const CHAT_WA: readonly Media[] = ['chat', 'whatsapp'];
const PHONE: readonly Media[] = ['voice', 'chat', 'whatsapp', 'sms', 'reclameaqui', 'email'];
const DID: readonly Media[] = ['voice', 'sms', 'whatsapp'];
const NOT_VOICE_EMAIL: readonly Media[] = MEDIA.filter((m) => m !== 'voice' && m !== 'email');

export const VOICE_STATUSES = [
  'abandoned',
  'answered',
  'voicemail',
  'not_connected',
  'out_of_service',
  'not_answered',
  'message',
] as const;
export const SERVICE_STATUSES = ['completed', 'transferred'] as const;

// FIELDS in the order the form shows them (the period, media and sort are separate).
export const FIELDS: readonly FilterField[] = [
  { param: 'timeFrom', kind: 'time', source: '000' },
  { param: 'timeTo', kind: 'time', source: '000' },
  { param: 'agents', kind: 'agents', source: '000' },
  { param: 'services', kind: 'list', source: '000' },
  { param: 'serviceStatus', kind: 'multi', options: SERVICE_STATUSES, media: NOT_VOICE_EMAIL, source: '000' },
  { param: 'voiceStatus', kind: 'multi', options: VOICE_STATUSES, media: ['voice'], source: '000' },
  { param: 'expiration', kind: 'select', options: ['active', 'expired'], media: CHAT_WA, source: '000' },
  { param: 'portfolio', kind: 'select', options: ['assigned', 'unassigned'], source: '000' },
  { param: 'tags', kind: 'list', source: '000' },
  { param: 'userTags', kind: 'list', source: '000' },
  { param: 'email', kind: 'email', media: ['email'], source: '000' },
  { param: 'phone', kind: 'text', media: PHONE, source: '000' },
  { param: 'protocol', kind: 'text', source: '000' },
  { param: 'externalProtocol', kind: 'text', source: '000' },
  { param: 'externalContactId', kind: 'text', source: '000' },
  { param: 'contact', kind: 'text', source: '000' },
  { param: 'agent', kind: 'text', source: '004' },
  { param: 'queue', kind: 'queue', source: '004' },
  { param: 'channel', kind: 'list', source: '004' },
  { param: 'did', kind: 'text', media: DID, source: '004' },
  { param: 'disposition', kind: 'text', source: '004' },
  { param: 'state', kind: 'select', options: ['closed', 'active', 'all'], source: '004' },
];

export function fieldsFor(media: Media): FilterField[] {
  return FIELDS.filter((f) => !f.media || f.media.includes(media));
}

// Parameters that are not filter fields: they frame the query.
export const FRAME_PARAMS = ['media', 'from', 'to', 'sort'] as const;

// UI-only URL parameters (never sent to the API): hidden columns, the browser's column
// sort (src/tracking/sort.ts), the open history and history window.
export const UI_PARAMS = ['cols', 'orderBy', 'h', 'hv'] as const;

// Every parameter the report takes (its OpenAPI list) that drill-downs from the aggregate
// reports may set although the form has no field for it; the screen shows them as
// removable chips instead of dropping them.
export const DRILL_ONLY_PARAMS = [
  'finalAgents',
  'ivr',
  'abandonedIn',
  'category',
  'supportType',
  'assigned',
  'done',
  'supported',
  'respondedWithin',
  'waited',
  'handled',
  'rated',
  'zone',
] as const;

const EMAIL_RE = /^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

// validEmail follows seed 000's rule: letters, digits and . _ - + before one @, a domain of
// letters, digits, dots and hyphens, a top-level domain of at least two letters.
export function validEmail(v: string): boolean {
  if (!EMAIL_RE.test(v)) return false;
  const domain = v.slice(v.indexOf('@') + 1);
  return !domain.startsWith('.') && !domain.startsWith('-') && !domain.includes('..');
}

export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

export type Problem = { param: string; reason: 'email' | 'time' };

// problems lists the filter values the API would refuse, so the form can say so at once.
export function problems(params: URLSearchParams): Problem[] {
  const out: Problem[] = [];
  const email = params.get('email');
  if (email && !validEmail(email)) out.push({ param: 'email', reason: 'email' });
  for (const p of ['timeFrom', 'timeTo']) {
    const v = params.get(p);
    if (v && !TIME_RE.test(v)) out.push({ param: p, reason: 'time' });
  }
  return out;
}

// apiQuery turns the screen's URL into the report's query: only the parameters the API
// takes for that media, so a filter left in the URL from another media is not an error
// (it is simply not applied, and the form does not show it).
export function apiQuery(url: URLSearchParams, media: Media, range: { from: string; to: string }): URLSearchParams {
  const allowed = new Set<string>([
    ...fieldsFor(media).map((f) => f.param),
    ...DRILL_ONLY_PARAMS.filter((p) => appliesDrill(p, media)),
  ]);
  const q = new URLSearchParams();
  q.set('media', media);
  q.set('from', range.from);
  q.set('to', range.to);
  const sort = url.get('sort');
  if (sort === 'asc' || sort === 'desc') q.set('sort', sort);
  for (const [k, v] of url) {
    if (!allowed.has(k) || v === '') continue;
    q.append(k, v);
  }
  return q;
}

// The drill-only parameters that apply to some media only (as the API documents them).
const DRILL_MEDIA: Partial<Record<string, readonly Media[]>> = {
  ivr: ['voice'],
  abandonedIn: ['voice'],
  category: TEXT_MEDIA,
  supportType: TEXT_MEDIA,
  assigned: TEXT_MEDIA,
  done: TEXT_MEDIA,
  supported: TEXT_MEDIA,
  respondedWithin: TEXT_MEDIA,
};

export function appliesDrill(param: string, media: Media): boolean {
  const m = DRILL_MEDIA[param];
  return !m || m.includes(media);
}

// extraFilters are the URL's drill-down parameters that apply to the media: shown as chips.
export function extraFilters(url: URLSearchParams, media: Media): { param: string; value: string }[] {
  const out: { param: string; value: string }[] = [];
  for (const p of DRILL_ONLY_PARAMS) {
    if (!appliesDrill(p, media)) continue;
    for (const v of url.getAll(p)) if (v !== '') out.push({ param: p, value: v });
  }
  return out;
}

// withMedia switches the media, dropping the filters the new media has no field for
// (a chat-only filter must not silently empty a voice search) and the paging state.
export function withMedia(url: URLSearchParams, media: Media): URLSearchParams {
  const keep = new Set<string>([
    ...FRAME_PARAMS,
    ...UI_PARAMS.filter((p) => p !== 'cols' && p !== 'orderBy'), // columns differ by media
    ...fieldsFor(media).map((f) => f.param),
    ...DRILL_ONLY_PARAMS.filter((p) => appliesDrill(p, media)),
  ]);
  const next = new URLSearchParams({ media });
  for (const [k, v] of url) if (k !== 'media' && keep.has(k)) next.append(k, v);
  return next;
}
