// One streamer's sales for managers, to embed in a page about the streamer: this month against the target, the
// monthly trend chart, recent sessions and best products. It loads its own data and shows its own errors, so the
// page around it keeps working when the sales API fails.
//
//   const release = await renderStreamerSales(el, streamerId, { months: 12 });  // later: release()
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { drawChart, loadECharts } from '../charts.js';
import { empty, errorNotice, loading } from '../ui.js';
import {
  attainmentBar, bestProductsTable, figuresList, monthLabel, monthlyTrendOption, sessionsTable, targetLine,
} from '../sales.js';

/**
 * Renders into `element`. `streamerId` is the talent-pool id; `ctx.months` (1..36, default 12) is the trend's
 * length. Resolves with a function that releases the chart (call it when the page goes away).
 */
export async function renderStreamerSales(element, streamerId, ctx = {}) {
  const months = ctx.months ?? 12;
  mount(element, loading('正在加载销售数据…'));
  let report;
  try {
    [report] = await Promise.all([api.get(`/reports/streamers/${streamerId}`, { months }), loadECharts()]);
  } catch (error) {
    mount(element, errorNotice(error));
    return () => {};
  }
  const chartEl = h('div', { class: 'chart', role: 'img', 'aria-label': '月度销售趋势图', 'data-testid': 'streamer-trend' });
  const hasSales = report.months?.some((m) => m.orders || m.netFen);
  const target = report.target;

  mount(element, h('div', { class: 'streamer-sales', 'data-testid': 'streamer-sales' },
    h('section', { class: 'card' },
      h('div', { class: 'card-head' },
        h('h2', {}, `本月销售 · ${monthLabel(report.thisMonth?.month ?? '')}`),
        target?.behind ? h('span', { class: 'tag warn' }, '落后于本月进度') : null),
      figuresList(report.thisMonth, 'streamer-this-month'),
      h('div', { class: 'target-row' },
        h('div', { class: 'hint' }, targetLine(target)),
        target ? attainmentBar(target.attainmentBp, { behind: target.behind, label: '本月目标完成度' }) : null)),
    h('section', { class: 'card' },
      h('h2', {}, `近 ${months} 个月趋势`),
      hasSales ? chartEl : empty('还没有销售记录', '主播开播成交或管理员导入销售数据后，这里显示每月的净成交额和订单数。')),
    h('div', { class: 'two-cols' },
      h('section', { class: 'card' }, h('h2', {}, '最近的直播'),
        sessionsTable(report.sessions, { emptyText: '还没有直播场次', nextStep: '在「直播场次」为这位主播安排一场直播。' })),
      h('section', { class: 'card' }, h('h2', {}, '本月热销商品'),
        bestProductsTable(report.bestProducts, { nextStep: '本月有成交后，这里按净成交额列出卖得最好的商品。' })))));

  return hasSales ? drawChart(chartEl, monthlyTrendOption(report.months, months, report.thisMonth?.month)) : () => {};
}
