// ECharts is published as CommonJS with `export =`: imported the way that compiles to a plain require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import echarts = require('echarts');

/**
 * Charts drawn on the server as SVG by Apache ECharts (server-side rendering, no browser, no
 * script on the page). The figure is labelled for assistive technology, and every page shows
 * the same figures as a table beside it.
 */
export function barChart(options: { categories: string[]; series: Array<{ name: string; values: number[] }>; unit: string; horizontal?: boolean; stacked?: boolean }): string {
  const height = options.horizontal ? Math.max(160, 36 * options.categories.length + 60) : 280;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height });
  const categoryAxis = { type: 'category' as const, data: options.categories, axisLabel: { fontSize: 12, color: '#1a1a1a', width: 150, overflow: 'break' as const, interval: 0 } };
  const valueAxis = { type: 'value' as const, name: options.unit, nameTextStyle: { color: '#1a1a1a' }, axisLabel: { color: '#1a1a1a' } };
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    color: ['#1d4f91', '#b35c00', '#4b4b4b', '#2e7d32', '#6a1b9a', '#00838f', '#9b1010'],
    grid: { left: options.horizontal ? 170 : 48, right: 56, top: 36, bottom: 48 },
    legend: options.series.length > 1 ? { top: 0, textStyle: { color: '#1a1a1a' } } : undefined,
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    yAxis: options.horizontal ? categoryAxis : valueAxis,
    series: options.series.map((s) => ({ type: 'bar', name: s.name, data: s.values, ...(options.stacked && { stack: 'total' }), label: { show: true, position: options.stacked ? 'inside' : 'right', color: options.stacked ? '#ffffff' : '#1a1a1a' } })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // The content security policy allows no inline style: ECharts' text styles become SVG presentation attributes.
  const attributes = svg.replace(/ style="([^"]*)"/g, (_: string, style: string) =>
    style
      .split(';')
      .filter((rule) => rule.includes(':'))
      .map((rule) => ` ${rule.split(':')[0].trim()}="${rule.slice(rule.indexOf(':') + 1).trim().replace(/px$/, '')}"`)
      .join(''),
  );
  // The figure scales with the page; the table beside it holds the same figures for assistive technology.
  return attributes.replace('<svg ', '<svg class="iw-chart" aria-hidden="true" focusable="false" ');
}
