// 销售情况 (brand partners): how the brand's products sold at the base over a chosen period — by day, by streamer
// and by product. Only the partner's own brand: the API takes the brand from the token.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { drawChart, loadECharts } from '../charts.js';
import { empty, loading } from '../ui.js';
import { noBrandYet } from '../products.js';
import { count, everyDay, figuresList, fitBarChart, periodPicker, reportError, yuan } from '../sales.js';

export async function render(root) {
  const area = h('div', { 'data-testid': 'brand-sales' });
  const releases = [];
  const releaseAll = () => releases.splice(0).forEach((release) => release());
  const picker = periodPicker(() => load(), '30d');

  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '销售情况')),
    h('section', { class: 'card' }, h('div', { class: 'filters' }, picker.el)),
    area);

  let asked = 0;
  async function load() {
    const ticket = ++asked;
    releaseAll();
    mount(area, loading('正在加载销售数据…'));
    let sales;
    try {
      sales = await api.get('/me/brand-sales', picker.period());
    } catch (error) {
      if (ticket !== asked) return;
      mount(area, error.status === 404
        ? noBrandYet('这里显示品牌商品的销售')
        : reportError(error));
      return;
    }
    if (ticket !== asked) return;
    if (!sales.total?.orders && !sales.total?.refunds) {
      mount(area, h('section', { class: 'card' }, empty('这段时间还没有销售',
        '换一个更长的时间段；或在「我的商品」确认商品已通过审核——通过审核的商品被主播选品并开播成交后，销售会显示在这里。',
        h('a', { class: 'btn', href: '#/my-products' }, '查看我的商品'))));
      return;
    }
    const dayChart = h('div', { class: 'chart', role: 'img', 'aria-label': '每日净成交额和订单数图', 'data-testid': 'brand-days-chart' });
    const streamerChart = h('div', { class: 'chart', role: 'img', 'aria-label': '各主播净成交额柱状图', 'data-testid': 'brand-streamers-chart' });
    fitBarChart(streamerChart, Math.min(10, sales.byStreamer.length));
    mount(area,
      h('section', { class: 'card' }, h('h2', {}, `合计 · ${sales.from} 至 ${sales.to}`), figuresList(sales.total, 'brand-total')),
      h('section', { class: 'card' }, h('h2', {}, '每日销售'), dayChart),
      h('div', { class: 'two-cols' },
        h('section', { class: 'card' }, h('h2', {}, '按主播'), streamerChart, streamerTable(sales.byStreamer)),
        h('section', { class: 'card' }, h('h2', {}, '按商品'), productTable(sales.byProduct))));
    releases.push(await drawChart(dayChart, daysOption(sales)), await drawChart(streamerChart, streamersOption(sales.byStreamer)));
  }

  await loadECharts();
  await load();
  return releaseAll;
}

function daysOption(sales) {
  const byDay = new Map(sales.byDay.map((d) => [d.day, d]));
  const days = everyDay(sales.from, sales.to);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['净成交额（元）', '订单数'] },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
    yAxis: [{ type: 'value', name: '元' }, { type: 'value', name: '单', minInterval: 1, splitLine: { show: false } }],
    series: [
      { name: '净成交额（元）', type: 'bar', barMaxWidth: 18, data: days.map((d) => (byDay.get(d)?.netFen ?? 0) / 100) },
      { name: '订单数', type: 'line', yAxisIndex: 1, showSymbol: days.length <= 31, data: days.map((d) => byDay.get(d)?.orders ?? 0) },
    ],
  };
}

function streamersOption(rows) {
  const top = [...rows].sort((a, b) => b.netFen - a.netFen).slice(0, 10).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '元' },
    yAxis: { type: 'category', data: top.map((r) => r.name ?? `#${r.streamerAccountId}`), axisLabel: { width: 90, overflow: 'truncate' } },
    series: [{ type: 'bar', name: '净成交额（元）', barMaxWidth: 22, data: top.map((r) => r.netFen / 100), label: { show: true, position: 'right' } }],
  };
}

function streamerTable(rows) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '按主播的销售' },
      h('thead', {}, h('tr', {}, ['主播', '订单', '退款', '净成交额'].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('td', { 'data-label': '主播' }, r.name ?? `#${r.streamerAccountId}`),
        h('td', { 'data-label': '订单', class: 'num' }, count(r.orders)),
        h('td', { 'data-label': '退款', class: 'num' }, count(r.refunds)),
        h('td', { 'data-label': '净成交额', class: 'num' }, yuan(r.netFen)))))));
}

function productTable(rows) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '按商品的销售' },
      h('thead', {}, h('tr', {}, ['商品', 'SKU', '件数', '订单', '净成交额'].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('td', { 'data-label': '商品' }, r.name ?? `#${r.productId}`),
        h('td', { 'data-label': 'SKU' }, r.sku ?? '—'),
        h('td', { 'data-label': '件数', class: 'num' }, count(r.quantity)),
        h('td', { 'data-label': '订单', class: 'num' }, count(r.orders)),
        h('td', { 'data-label': '净成交额', class: 'num' }, yuan(r.netFen)))))));
}
