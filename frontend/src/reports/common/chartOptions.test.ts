import { describe, expect, it } from 'vitest';
import { categoryChart, heatmapChart } from './chartOptions';

type Axis = { data?: string[]; axisLabel?: { rotate?: number } };
type S = { type: string; name: string; data: unknown[]; stack?: string };

describe('categoryChart', () => {
  const cases = [
    { name: 'bars, one series, no legend', type: 'bar' as const, n: 3, series: 1, legend: false, rotate: undefined },
    { name: 'few but long labels rotate', type: 'bar' as const, n: 7, series: 1, legend: false, rotate: 45, label: 'Combos Internet e TV' },
    { name: 'lines, two series, legend', type: 'line' as const, n: 24, series: 2, legend: true, rotate: 45 },
    { name: 'many bars rotate their labels', type: 'bar' as const, n: 40, series: 3, legend: true, rotate: 45 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const categories = Array.from({ length: c.n }, (_, i) => `${'label' in c ? c.label : 'c'}${i}`);
      const series = Array.from({ length: c.series }, (_, i) => ({ name: `s${i}`, values: categories.map(() => i), stack: 'x' }));
      const o = categoryChart({ categories, series, type: c.type });
      const x = o.xAxis as Axis;
      expect(x.data).toEqual(categories);
      expect(x.axisLabel?.rotate).toBe(c.rotate);
      expect(Boolean(o.legend)).toBe(c.legend);
      const out = o.series as S[];
      expect(out.map((s) => s.type)).toEqual(series.map(() => c.type));
      expect(out.map((s) => s.name)).toEqual(series.map((s) => s.name));
      expect(out[0]?.stack).toBe('x');
    });
  }

  it('formats axis values', () => {
    const o = categoryChart({ categories: ['a'], series: [{ name: 's', values: [60] }], type: 'bar', format: (v) => `${v}s` });
    const y = o.yAxis as { axisLabel?: { formatter?: (v: number) => string } };
    expect(y.axisLabel?.formatter?.(60)).toBe('60s');
  });
});

describe('heatmapChart', () => {
  it('puts [hour, weekday, value] cells and scales to the max', () => {
    const cells = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    (cells[2] as number[])[9] = 5;
    const o = heatmapChart(cells, ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'], [...Array(24).keys()].map(String), 'Conversations');
    const data = (o.series as S[])[0]?.data as [number, number, number][];
    expect(data).toHaveLength(7 * 24);
    expect(data).toContainEqual([9, 2, 5]);
    expect((o.visualMap as { max: number }).max).toBe(5);
  });
  it('keeps a positive scale when everything is zero', () => {
    const cells = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    expect((heatmapChart(cells, [], [], 'x').visualMap as { max: number }).max).toBe(1);
  });
});
