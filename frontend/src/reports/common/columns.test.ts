import { describe, expect, it } from 'vitest';
import { columnKind, formatCell, headerKey, type ColumnKind } from './columns';

describe('columnKind', () => {
  const cases: [string, ColumnKind][] = [
    ['label', 'text'],
    ['agentName', 'text'],
    ['status', 'text'],
    ['received', 'count'],
    ['within5', 'count'],
    ['tag:avgX', 'count'],
    ['avgWait', 'duration'],
    ['avgFirstResponse', 'duration'],
    ['pauseTime', 'duration'],
    ['loggedTime', 'duration'],
    ['waitTotal', 'duration'],
    ['pctDone', 'percent'],
    ['chatPctSupported', 'percent'],
    ['csat', 'rating'],
  ];
  for (const [key, want] of cases) it(key, () => expect(columnKind(key)).toBe(want));
});

describe('formatCell', () => {
  const cases: [ColumnKind, unknown, string, string][] = [
    ['count', 12345, 'en', '12,345'],
    ['count', 12345, 'pt-BR', '12.345'],
    ['duration', 3725.4, 'en', '1:02:05'],
    ['percent', 85.3, 'en', '85.3%'],
    ['rating', 2.64, 'pt-BR', '2,64'],
    ['text', 'Aline', 'en', 'Aline'],
    ['text', null, 'en', ''],
    ['count', null, 'en', '–'],
  ];
  for (const [kind, v, locale, want] of cases) {
    it(`${kind} ${String(v)} ${locale}`, () => expect(formatCell(kind, v, locale).replace(/\u00a0/g, ' ')).toBe(want));
  }
});

describe('headerKey', () => {
  const cases: [string, string, ReturnType<typeof headerKey>][] = [
    ['received', 'Received', { key: 'col.received' }],
    ['within15', 'Responded within 15 min', { key: 'col.within', values: { minutes: 15 } }],
    ['label', 'Channel (page)', { key: 'rowHeader.channelpage' }],
    ['tag:venda', 'venda', null],
  ];
  for (const [key, header, want] of cases) it(key, () => expect(headerKey({ key, header })).toEqual(want));
});
