// Chart is the app's only ECharts entry point: registering just the charts
// and components the reports draw keeps the bundle small (tree-shaken
// echarts/core), and importing it only from lazily loaded report screens
// keeps ECharts out of the initial bundle.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  SVGRenderer,
]);

// The app's palette (src/styles.css): distinguishable series colours with
// enough contrast on white, and the app's text colours for axes and legends.
echarts.registerTheme('rastro', {
  color: ['#0b5cad', '#e07b00', '#0f6b66', '#a4161a', '#3f3aa6', '#5b8c00', '#b3168f', '#555d66', '#00838f', '#8a5a00'],
  textStyle: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", color: '#1b1f24' },
  legend: { textStyle: { color: '#1b1f24' } },
  categoryAxis: { axisLabel: { color: '#555d66' }, axisLine: { lineStyle: { color: '#8a939c' } } },
  valueAxis: { axisLabel: { color: '#555d66' }, splitLine: { lineStyle: { color: '#eceef1' } } },
  visualMap: { inRange: { color: ['#e3edf8', '#0b5cad'] } },
});

// ChartOption is the option type limited to what is registered above, so an
// option using an unregistered series fails to compile instead of drawing nothing.
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
>;

type Props = {
  option: ChartOption;
  // The chart's accessible name: charts are drawn as SVG shapes a screen
  // reader can't read, and the same figures are in the table beside them.
  label: string;
  height?: number;
};

// Chart draws an ECharts option, resizing with its container. The SVG
// renderer keeps text crisp in screenshots and needs no canvas.
export function Chart({ option, label, height = 320 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, 'rastro', { renderer: 'svg' });
    chart.current = c;
    // A container resized by the layout (sidebar, window) must redraw the chart.
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => c.resize()) : null;
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a new grouping must not keep the previous one's series.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // The accessible name sits on a wrapper: ECharts owns its container's
  // attributes, and its generated English description would replace ours.
  return (
    <div className="chart" role="img" aria-label={label}>
      <div ref={ref} style={{ width: '100%', height }} />
    </div>
  );
}
