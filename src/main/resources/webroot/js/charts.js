// ECharts from its webjar, loaded only by pages that draw charts (the login page stays light). The "common"
// build (line, bar, pie and scatter charts with the usual components) is a third smaller than the full one;
// it is a classic script, so it is added as a <script> tag and read from window.echarts.
const ECHARTS_URL = '/vendor/echarts/5.3.1/echarts.common.min.js';
let loading = null;
let preloaded = false;

/** Downloads the library without running it: pages call loadECharts once their API requests are out. */
export function preloadECharts() {
  if (preloaded || loading) return;
  preloaded = true;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'script', href: ECHARTS_URL }));
}

export function loadECharts() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = ECHARTS_URL;
    script.onload = () => resolve(window.echarts);
    script.onerror = () => {
      loading = null;
      reject(new Error('图表组件加载失败，请刷新页面重试。'));
    };
    document.head.append(script);
  });
  return loading;
}

export const PALETTE = ['#b3121c', '#d8a23a', '#4a6fa5', '#3f8f6b', '#8c5e9e', '#c06b2c'];
const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Draws a chart into el and follows el's size; returns a function that releases it. */
export async function drawChart(el, option) {
  return (await prepareChart(el, option)).dispose;
}

/**
 * Sets a chart up in el (which must be in the page) and follows el's size; update(option) merges more in, e.g. the
 * data once it arrives. A page that sets its chart up while its requests are out hides the library's slow first use.
 */
export async function prepareChart(el, option) {
  const echarts = await loadECharts();
  const chart = echarts.init(el);
  chart.setOption({ color: PALETTE, textStyle: { fontFamily: FONT }, animationDuration: 300, ...option });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  return {
    update: (more) => chart.setOption(more),
    dispose() {
      observer.disconnect();
      chart.dispose();
    },
  };
}
