import { describe, expect, it } from 'vitest';
import type { DrillSpec } from '../common/aggregate';
import { chartSeries, conversationsDrills, overviewKpis, percentOf, type View } from './model';

describe('percentOf', () => {
  const cases: [number, number, number][] = [
    [264, 2017, 13.1],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 0, 0],
    [5, 5, 100],
  ];
  for (const [x, n, want] of cases) it(`${x}/${n}`, () => expect(percentOf(x, n)).toBe(want));
});

describe('overviewKpis', () => {
  it('gives the totals and both rates, contacts without drill-down', () => {
    const kpis = overviewKpis({
      conversations: 2017,
      contacts: 1587,
      assigned: 255,
      notAssigned: 1762,
      done: 264,
      pending: 1753,
      supported: 255,
      avgWait: 930.126,
      avgSupport: 678.349,
    });
    expect(kpis.map((k) => k.key)).toEqual([
      'conversations',
      'contacts',
      'assigned',
      'notAssigned',
      'done',
      'pending',
      'supported',
      'avgWait',
      'avgSupport',
      'pctDone',
      'pctSupported',
    ]);
    expect(kpis.find((k) => k.key === 'pctDone')).toEqual({ key: 'pctDone', value: 13.1, drill: false });
    expect(kpis.find((k) => k.key === 'contacts')?.drill).toBe(false);
    expect(kpis.find((k) => k.key === 'done')?.drill).toBe(true);
  });
  it('leaves out what a filter removed', () => {
    expect(overviewKpis({ conversations: 3, done: 3 }).map((k) => k.key)).toEqual(['conversations', 'done', 'pctDone', 'pctSupported']);
  });
});

describe('conversationsDrills', () => {
  const drill: DrillSpec = { path: '', base: {}, metrics: { conversations: {}, within5: { query: 'respondedWithin=5' }, pctDone: {} } };
  const cases: [string, boolean][] = [
    ['label', false],
    ['contacts', false],
    ['pctDone', false],
    ['chatPctSupported', false],
    ['conversations', true],
    ['within5', true],
    ['waitTotal', false],
  ];
  for (const [key, want] of cases) it(key, () => expect(conversationsDrills({ key, header: key }, drill)).toBe(want));
});

describe('chartSeries', () => {
  const rows = [
    { key: 'a', conversations: 10, chatTotal: 6, commentTotal: 3, assignedDoneSupported: 2, unassignedPendingUnsupported: 1 },
    { key: 'b', conversations: 4, chatTotal: 4, commentTotal: 0, assignedDoneSupported: 0, unassignedPendingUnsupported: 4 },
  ];
  const cols = ['label', 'conversations', 'chatTotal', 'commentTotal', 'assignedDoneSupported', 'unassignedPendingUnsupported'].map(
    (key) => ({ key, header: key }),
  );
  const cases: [View, { name: string; values: number[]; stack?: string }[]][] = [
    [
      'agent',
      [
        { name: 'assignedDoneSupported', values: [2, 0], stack: 'matrix' },
        { name: 'unassignedPendingUnsupported', values: [1, 4], stack: 'matrix' },
      ],
    ],
    [
      'hour',
      [
        { name: 'conversations', values: [10, 4], stack: undefined },
        { name: 'chatTotal', values: [6, 4], stack: undefined },
        { name: 'commentTotal', values: [3, 0], stack: undefined },
      ],
    ],
    [
      'channel',
      [
        { name: 'chatTotal', values: [6, 4], stack: 'type' },
        { name: 'commentTotal', values: [3, 0], stack: 'type' },
        { name: 'untyped', values: [1, 0], stack: 'type' },
      ],
    ],
  ];
  for (const [view, want] of cases) it(view, () => expect(chartSeries(view, rows, cols, (k) => k)).toEqual(want));
});
