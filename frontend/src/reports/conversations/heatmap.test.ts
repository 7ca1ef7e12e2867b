import { describe, expect, it } from 'vitest';
import type { AggregateReport } from '../common/aggregate';
import { datesOf, foldByWeekday, weekdayOf } from './heatmap';

describe('datesOf', () => {
  const cases: [string, string, string[]][] = [
    ['2026-11-21', '2026-11-21', ['2026-11-21']],
    ['2026-02-27', '2026-03-02', ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']],
    ['2026-12-31', '2027-01-01', ['2026-12-31', '2027-01-01']],
    ['2026-11-22', '2026-11-21', []],
  ];
  for (const [from, to, want] of cases) it(`${from}..${to}`, () => expect(datesOf(from, to)).toEqual(want));
});

describe('weekdayOf', () => {
  const cases: [string, number][] = [
    ['2026-11-16', 0], // Monday
    ['2026-11-21', 5], // Saturday
    ['2026-11-22', 6], // Sunday
  ];
  for (const [d, want] of cases) it(d, () => expect(weekdayOf(d)).toBe(want));
});

function hours(values: Record<number, number>): AggregateReport {
  return {
    report: 'conversations',
    zone: 'UTC',
    from: '',
    to: '',
    generatedAt: '',
    dataThrough: '',
    readUnits: 0,
    rows: Array.from({ length: 24 }, (_, h) => ({ key: `${String(h).padStart(2, '0')}:00`, conversations: values[h] ?? 0 })),
    totals: {},
  };
}

describe('foldByWeekday', () => {
  it('adds the same weekday of two weeks', () => {
    const cells = foldByWeekday([
      { date: '2026-11-16', report: hours({ 9: 3 }) },
      { date: '2026-11-23', report: hours({ 9: 2, 23: 1 }) },
      { date: '2026-11-22', report: hours({ 0: 7 }) },
    ]);
    expect(cells[0]?.[9]).toBe(5);
    expect(cells[0]?.[23]).toBe(1);
    expect(cells[6]?.[0]).toBe(7);
    expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(13);
  });
});
