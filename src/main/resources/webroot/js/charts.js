// ECharts from its webjar, loaded only by pages that draw charts (the login page stays light).
const ECHARTS_URL = '/vendor/echarts/5.3.1/echarts.esm.min.js';
let echartsModule = null;

export function loadECharts() {
  echartsModule ??= import(ECHARTS_URL);
  return echartsModule;
}

export const PALETTE = ['#b3121c', '#d8a23a', '#4a6fa5', '#3f8f6b', '#8c5e9e', '#c06b2c'];
const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Draws a chart into el and follows el's size; returns a function that releases it. */
export async function drawChart(el, option) {
  const echarts = await loadECharts();
  const chart = echarts.init(el);
  chart.setOption({ color: PALETTE, textStyle: { fontFamily: FONT }, animationDuration: 300, ...option });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  return () => {
    observer.disconnect();
    chart.dispose();
  };
}
