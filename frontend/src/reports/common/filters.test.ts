import { describe, expect, it } from 'vitest';
import { apiParams, choice, readFilters, splitList, timeWindowProblem, toggleList, writeFilters, type FilterField } from './filters';

const fields: FilterField[] = [
  { name: 'agents', kind: 'text', labelKey: 'a' },
  { name: 'media', kind: 'checks', labelKey: 'm', options: [] },
];

describe('readFilters / writeFilters', () => {
  it('reads missing values as empty', () => {
    expect(readFilters(new URLSearchParams('agents=a1&x=1'), fields)).toEqual({ agents: 'a1', media: '' });
  });
  const cases: { name: string; url: string; values: Record<string, string>; reset?: string[]; want: string }[] = [
    { name: 'sets and keeps the period', url: 'from=2026-01-01&to=2026-01-02', values: { agents: 'a1,a2', media: 'chat' }, want: 'from=2026-01-01&to=2026-01-02&agents=a1%2Ca2&media=chat' },
    { name: 'a cleared filter leaves the URL', url: 'agents=a1&group=day', values: { agents: '  ', media: '' }, want: 'group=day' },
    { name: 'drops the reset keys', url: 'open=s1&cursor=c', values: { agents: 'x' }, reset: ['open', 'cursor'], want: 'agents=x' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(writeFilters(new URLSearchParams(c.url), c.values, fields, c.reset).toString()).toBe(c.want));
  }
});

describe('apiParams', () => {
  const cases = [
    { name: 'period first, then allowed params', url: 'agents=a1&open=x&group=day', allowed: ['group', 'agents'], want: 'from=2026-01-01&to=2026-01-07&group=day&agents=a1' },
    { name: 'the range wins over the URL', url: 'from=1999-01-01', allowed: ['from'], want: 'from=2026-01-01&to=2026-01-07' },
    { name: 'blank values are left out', url: 'agents=%20', allowed: ['agents'], want: 'from=2026-01-01&to=2026-01-07' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(apiParams(new URLSearchParams(c.url), c.allowed, { from: '2026-01-01', to: '2026-01-07' }).toString()).toBe(c.want));
  }
});

describe('lists', () => {
  it('splits and trims', () => expect(splitList(' a, ,b ,c')).toEqual(['a', 'b', 'c']));
  const order = ['voice', 'whatsapp', 'chat'];
  const cases: [string, string, boolean, string][] = [
    ['', 'chat', true, 'chat'],
    ['chat', 'voice', true, 'voice,chat'],
    ['voice,chat', 'voice', false, 'chat'],
    ['chat', 'chat', true, 'chat'],
  ];
  for (const [cur, v, on, want] of cases) it(`toggle ${v} ${on} on "${cur}"`, () => expect(toggleList(cur, v, on, order)).toBe(want));
});

describe('choice', () => {
  const cases: [string, string][] = [
    ['group=day', 'day'],
    ['group=week', 'ivr'],
    ['', 'ivr'],
  ];
  for (const [url, want] of cases) it(url || '(none)', () => expect(choice(new URLSearchParams(url), 'group', ['ivr', 'day'] as const, 'ivr')).toBe(want));
});

describe('timeWindowProblem', () => {
  const cases: [string, string, ReturnType<typeof timeWindowProblem>][] = [
    ['', '', null],
    ['08:00', '11:59', null],
    ['22:15', '05:44', null],
    ['08:05', '11:59', { field: 'timeFrom', reason: 'start' }],
    ['08:00', '12:00', { field: 'timeTo', reason: 'end' }],
    ['08:00', '', { field: 'timeTo', reason: 'both' }],
    ['', '09:59', { field: 'timeFrom', reason: 'both' }],
  ];
  for (const [from, to, want] of cases) it(`${from || '-'}–${to || '-'}`, () => expect(timeWindowProblem(from, to)).toEqual(want));
});
