import { describe, expect, it } from 'vitest';
import { agentLabel, agentsDrills, pauseReasons, pauseTimeFor } from './model';

const rows = [
  { agentId: 'ag-1', agentName: 'Aline', pauseReasons: { almoço: { count: 1, time: 3600 }, café: { count: 2, time: 600 } } },
  { agentId: 'ag-2', agentName: '', pauseReasons: { banheiro: { count: 1, time: 300 } } },
];
const totals = { pauseReasons: { almoço: { count: 1, time: 3600 }, café: { count: 2, time: 600 }, banheiro: { count: 1, time: 300 }, feedback: { count: 0, time: 0 } } };

describe('pauseReasons', () => {
  it('lists every reason of rows and totals, sorted', () =>
    expect(pauseReasons(rows, totals)).toEqual(['almoço', 'banheiro', 'café', 'feedback']));
  it('is empty without reasons', () => expect(pauseReasons([{}], {})).toEqual([]));
});

describe('pauseTimeFor', () => {
  const cases: [number, string, number][] = [
    [0, 'almoço', 3600],
    [0, 'banheiro', 0],
    [1, 'banheiro', 300],
  ];
  for (const [i, reason, want] of cases) it(`${i} ${reason}`, () => expect(pauseTimeFor(rows[i] ?? {}, reason)).toBe(want));
});

describe('agentsDrills', () => {
  const cases: [string, boolean][] = [
    ['handled', true],
    ['completed', true],
    ['avgFirstResponse', true],
    ['csat', true],
    ['pauses', false],
    ['pauseTime', false],
    ['loggedTime', false],
    ['agentName', false],
    ['status', false],
  ];
  for (const [key, want] of cases) it(key, () => expect(agentsDrills({ key, header: key })).toBe(want));
});

describe('agentLabel', () => {
  it('prefers the name', () => expect(agentLabel(rows[0] ?? {})).toBe('Aline'));
  it('falls back to the id', () => expect(agentLabel(rows[1] ?? {})).toBe('ag-2'));
});
