import { describe, expect, it } from 'vitest';
import type { AggregateReport } from '../common/aggregate';
import { noneKey, tagSeries, tagsDrills } from './model';

const base: AggregateReport = {
  report: 'tags',
  zone: 'America/Sao_Paulo',
  from: '2026-11-15',
  to: '2026-11-16',
  generatedAt: '',
  dataThrough: '',
  readUnits: 0,
  columns: [
    { key: 'label', header: 'Channel', drill: false },
    { key: 'tag:venda', header: 'venda', drill: true },
    { key: 'tag:duvida', header: 'duvida', drill: true },
    { key: 'total', header: 'Tags applied', drill: false },
  ],
  rows: [
    { key: '@a', counts: { venda: 2, duvida: 1 } },
    { key: '', counts: { venda: 0 } },
  ],
  totals: { key: '', counts: { venda: 2, duvida: 1 } },
};

describe('tagSeries', () => {
  it('stacks bars per tag for channels and agents', () =>
    expect(tagSeries(base, 'channel')).toEqual([
      { name: 'venda', values: [2, 0], stack: 'tags' },
      { name: 'duvida', values: [1, 0], stack: 'tags' },
    ]));
  it("uses the time view's series as lines", () =>
    expect(tagSeries({ ...base, series: [{ tag: 'venda', data: [3, 4] }] }, 'time')).toEqual([{ name: 'venda', values: [3, 4] }]));
});

describe('tagsDrills', () => {
  const cases: [{ key: string; header: string; drill?: boolean }, boolean][] = [
    [{ key: 'tag:venda', header: 'venda', drill: true }, true],
    [{ key: 'total', header: 'Tags applied', drill: false }, false],
    [{ key: 'tag:x', header: 'x' }, true],
    [{ key: 'total', header: 'Tags applied' }, false],
  ];
  for (const [col, want] of cases) it(col.key, () => expect(tagsDrills(col)).toBe(want));
});

it('names the empty row per view', () => {
  expect(noneKey('agent')).toBe('none.agent');
  expect(noneKey('channel')).toBe('none.channel');
});
