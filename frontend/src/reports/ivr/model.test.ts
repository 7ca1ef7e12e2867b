import { describe, expect, it } from 'vitest';
import { chartKind, chartSeries, ivrDrills, noneKey, type Group } from './model';

describe('chartKind', () => {
  const cases: [Group, 'bar' | 'line'][] = [
    ['ivr', 'bar'],
    ['service', 'bar'],
    ['agent', 'bar'],
    ['hour', 'line'],
    ['day', 'line'],
  ];
  for (const [g, want] of cases) it(g, () => expect(chartKind(g)).toBe(want));
});

describe('chartSeries', () => {
  it('reads each count per row, missing as 0', () => {
    const rows = [
      { key: 'a', received: 41, answered: 23, abandonedIvr: 0, abandonedQueue: 8 },
      { key: 'b', received: 5 },
    ];
    expect(chartSeries(rows)).toEqual({ received: [41, 5], answered: [23, 0], abandonedIvr: [0, 0], abandonedQueue: [8, 0] });
  });
});

describe('ivrDrills', () => {
  const cases: [{ key: string; header: string; drill?: boolean }, boolean][] = [
    [{ key: 'label', header: 'IVR', drill: false }, false],
    [{ key: 'received', header: 'Received', drill: true }, true],
    [{ key: 'avgWait', header: 'Average wait' }, true],
    [{ key: 'label', header: 'IVR' }, false],
  ];
  for (const [col, want] of cases) it(`${col.key} ${String(col.drill)}`, () => expect(ivrDrills(col)).toBe(want));
});

it('names the empty group per grouping', () => expect(noneKey('service')).toBe('none.service'));
