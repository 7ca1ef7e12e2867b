import { describe, expect, it } from 'vitest';
import { botParams, daysBetween, handoverQuery, localInstant, statusKey, validateBotFilters, validProtocol } from './model';

describe('validProtocol', () => {
  const cases: [string, boolean][] = [
    ['20251007092633646', true],
    ['20240229000000000', true], // leap day
    ['20250229000000000', false], // not a leap year
    ['20251307092633646', false], // month 13
    ['20251000092633646', false], // day 0
    ['2025100709263364', false], // 16 digits
    ['202510070926336461', false], // 18 digits
    ['2025100709263364a', false],
    ['', false],
  ];
  for (const [p, want] of cases) it(p || '(empty)', () => expect(validProtocol(p)).toBe(want));
});

describe('validateBotFilters', () => {
  const cases: [string, Record<string, string>, string | null][] = [
    ['nothing', {}, null],
    ['good protocol', { protocol: '20251007092633646' }, null],
    ['bad protocol', { protocol: '2025133209263364' }, 'protocol'],
    ['equals with value', { info: 'NAO_TRANSBORDADA', op: 'equals', value: 'true' }, null],
    ['exists without value', { info: 'CPF', op: 'exists' }, null],
    ['exists with value', { info: 'CPF', op: 'exists', value: 'x' }, 'value'],
    ['contains without value', { info: 'CPF', op: 'contains' }, 'value'],
    ['key without op', { info: 'CPF' }, 'op'],
    ['op without key', { op: 'equals', value: 'x' }, 'info'],
    ['value without op', { value: 'x' }, 'op'],
    ['bad key', { info: 'has space', op: 'exists' }, 'info'],
  ];
  for (const [name, v, field] of cases) it(name, () => expect(validateBotFilters(v)?.field ?? null).toBe(field));
});

describe('daysBetween', () => {
  const cases: [string, string, number][] = [
    ['2026-01-01', '2026-01-01', 1],
    ['2026-01-01', '2026-01-31', 31],
    ['2026-01-01', '2026-02-01', 32],
    ['2026-03-01', '2026-03-31', 31], // across a DST change elsewhere: dates, not instants
  ];
  for (const [f, t, want] of cases) it(`${f}..${t}`, () => expect(daysBetween(f, t)).toBe(want));
});

describe('botParams', () => {
  const range = { from: '2026-11-01', to: '2026-11-22' };
  const cases: [string, string, string | null, string][] = [
    ['period and page size', '', null, 'from=2026-11-01&to=2026-11-22&limit=100'],
    ['filters, not screen params', 'open=s1&protocol=20261122092448620&channel=whatsapp,chat', null, 'from=2026-11-01&to=2026-11-22&protocol=20261122092448620&channel=whatsapp%2Cchat&limit=100'],
    ['value kept as typed', 'info=K&op=contains&value=%20a%20', null, 'from=2026-11-01&to=2026-11-22&info=K&op=contains&value=+a+&limit=100'],
    ['cursor last', 'sort=asc', 'abc', 'from=2026-11-01&to=2026-11-22&sort=asc&limit=100&cursor=abc'],
  ];
  for (const [name, url, cursor, want] of cases) it(name, () => expect(botParams(new URLSearchParams(url), range, cursor).toString()).toBe(want));
});

describe('localInstant / statusKey', () => {
  it('reads a local stamp', () => expect(localInstant('2026-11-22 09:24:48')).toBe('2026-11-22T09:24:48Z'));
  it('refuses anything else', () => expect(localInstant('')).toBeNull());
  const cases: [string, string][] = [
    ['', 'bot.status.open'],
    ['cancelled_inactivity', 'bot.status.cancelled_inactivity'],
  ];
  for (const [r, want] of cases) it(r || '(open)', () => expect(statusKey(r)).toBe(want));
});

describe('handoverQuery', () => {
  const cases: [string, Parameters<typeof handoverQuery>[0], ReturnType<typeof handoverQuery>][] = [
    ['stayed with the bot', { channel: 'whatsapp', start: '2026-11-22 08:51:54' }, null],
    [
      'whatsapp handover',
      { channel: 'whatsapp', start: '2026-11-30 23:50:00', interactionId: 'demo-1' },
      { media: 'whatsapp', from: '2026-11-30', to: '2026-12-01', state: 'all', serviceStatus: 'all', h: 'demo-1' },
    ],
    [
      'email has no service status',
      { channel: 'email', start: '2026-11-22 09:00:00', interactionId: 'demo-2' },
      { media: 'email', from: '2026-11-22', to: '2026-11-23', state: 'all', h: 'demo-2' },
    ],
  ];
  for (const [name, s, want] of cases) it(name, () => expect(handoverQuery(s)).toEqual(want));
});
