import type { ChartOption } from '../../ui/Chart';

export type Series = { name: string; values: number[]; stack?: string };

type CategoryChart = {
  categories: string[];
  series: Series[];
  type: 'bar' | 'line';
  // Formats axis and tooltip values (durations as H:MM:SS, counts by locale).
  format?: (v: number) => string;
};

// categoryChart is the option of a bar or line chart over categories (agents,
// IVR menus, hours, dates): one series per metric, a legend when there are
// several, and labels that rotate instead of overlapping when there are many.
export function categoryChart({ categories, series, type, format }: CategoryChart): ChartOption {
  // Long or many labels would overlap (and ECharts would hide them): they
  // are rotated instead, every one shown, the longest truncated.
  const longest = categories.reduce((m, c) => Math.max(m, c.length), 0);
  const many = categories.length > 8 || longest * categories.length > 90;
  return {
    grid: { left: 56, right: 24, top: series.length > 1 ? 40 : 16, bottom: many ? 96 : 40, containLabel: false },
    tooltip: { trigger: 'axis', valueFormatter: format ? (v) => format(Number(v)) : undefined },
    legend: series.length > 1 ? { top: 0, type: 'plain' } : undefined,
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: many ? { rotate: 45, interval: 0, width: 140, overflow: 'truncate' } : { interval: 0 },
    },
    yAxis: { type: 'value', axisLabel: format ? { formatter: (v: number) => format(v) } : undefined },
    series: series.map((s) =>
      type === 'bar'
        ? { type: 'bar' as const, name: s.name, data: s.values, stack: s.stack }
        : { type: 'line' as const, name: s.name, data: s.values, stack: s.stack, smooth: false, showSymbol: categories.length <= 31 },
    ),
  };
}

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

// heatmapChart is an hour × weekday grid: cells[weekday][hour] counts.
export function heatmapChart(cells: number[][], weekdayNames: string[], hourNames: string[], seriesName: string): ChartOption {
  const data: [number, number, number][] = [];
  let max = 0;
  cells.forEach((row, wd) =>
    row.forEach((v, h) => {
      data.push([h, wd, v]);
      if (v > max) max = v;
    }),
  );
  return {
    grid: { left: 72, right: 24, top: 16, bottom: 72 },
    tooltip: { position: 'top' },
    xAxis: { type: 'category', data: hourNames, splitArea: { show: true } },
    // Monday on top: a week reads downwards.
    yAxis: { type: 'category', data: weekdayNames, splitArea: { show: true }, inverse: true },
    visualMap: { min: 0, max: Math.max(max, 1), calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
    series: [{ type: 'heatmap', name: seriesName, data, label: { show: false } }],
  };
}
