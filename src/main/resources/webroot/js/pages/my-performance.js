// 我的业绩 (streamers): today's figures (the live counters move here while a session is on), this month's
// sales against the target with a chart, recent sessions and best products. Everything is the streamer's own:
// the API takes the streamer from the token.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { drawChart, loadECharts } from '../charts.js';
import { empty } from '../ui.js';
import { figureTiles, followCounters, streamNotice } from '../live.js';
import {
  attainmentBar, bestProductsTable, count, figuresList, monthLabel, sessionsTable, targetLine, todayInBase, yuan,
} from '../sales.js';

export async function render(root) {
  const [mine] = await Promise.all([api.get('/me/sales'), loadECharts()]);
  const today = mine.today ?? {};
  const liveNow = (today.sessions ?? []).find((s) => s.status === 'live');
  const target = mine.target;
  const chartEl = h('div', { class: 'chart short', role: 'img', 'aria-label': '本月目标进度柱状图', 'data-testid': 'target-chart' });
  const livePanel = h('div', {});

  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '我的业绩')),
    h('div', { class: 'stats mine-stats' },
      stat('今日净成交额', yuan(today.netFen), 'today-net'),
      stat('今日订单', count(today.orders), 'today-orders'),
      stat('今日直播', `${count(today.sessions?.length ?? 0)} 场`, 'today-sessions', liveNow ? '正在直播' : null),
      stat('本月净成交额', yuan(mine.thisMonth?.netFen), 'month-net')),
    livePanel,
    h('section', { class: 'card' },
      h('div', { class: 'card-head' },
        h('h2', {}, `本月目标 · ${monthLabel(mine.thisMonth?.month ?? '')}`),
        target?.behind ? h('span', { class: 'tag warn' }, '落后于本月进度，加油！') : null),
      target
        ? [h('div', { class: 'target-row' }, h('div', {}, targetLine(target)),
          attainmentBar(target.attainmentBp, { behind: target.behind, label: '本月目标完成度' })),
        target.targetFen || target.gmvFen ? chartEl : null]
        : empty('本月还没有设定目标', '目标由基地管理员设定；设定后这里显示完成进度。现在可以先看下面的本月销售。')),
    h('section', { class: 'card' }, h('h2', {}, '本月销售'), figuresList(mine.thisMonth, 'my-month')),
    h('div', { class: 'two-cols' },
      h('section', { class: 'card' }, h('h2', {}, '最近的直播'),
        sessionsTable(mine.sessions, { emptyText: '还没有直播场次', nextStep: '在「我的直播」安排一场直播，开播后的成交会计入业绩。' })),
      h('section', { class: 'card' }, h('h2', {}, '本月热销商品'),
        bestProductsTable(mine.bestProducts, { nextStep: '在「我的选品」挑选商品并开播，成交后这里列出卖得最好的商品。' }))));

  const stopLive = liveNow ? followLive(livePanel, liveNow) : () => {};
  const releaseChart = target && (target.targetFen || target.gmvFen) ? await drawChart(chartEl, targetChart(target)) : () => {};
  return () => {
    stopLive();
    releaseChart();
  };
}

function stat(label, value, testId, hint) {
  return h('div', { class: 'stat' },
    h('div', { class: 'label' }, label),
    h('div', { class: 'value', 'data-testid': testId }, value),
    hint ? h('div', { class: 'hint' }, h('span', { class: 'tag live' }, hint)) : null);
}

/** While a session is live, its counters move every second as on 我的直播. */
function followLive(panel, session) {
  const tiles = figureTiles('perf');
  const state = h('div', { role: 'status' });
  mount(panel, h('section', { class: 'card live-now', 'data-testid': 'live-now' },
    h('div', { class: 'card-head' }, h('h2', {}, `正在直播 · ${session.title}`), h('span', { class: 'tag live' }, '实时')),
    state, tiles.el));
  return followCounters(session.id, {
    onCounters: tiles.update,
    onState: (s, message) => mount(state, streamNotice(s, message)),
  });
}

/** Target, what the calendar says should be sold by today, and what was sold. */
function targetChart(target) {
  const goal = target.targetFen ?? target.gmvFen;
  const [y, m, d] = todayInBase().split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const sameMonth = target.month === `${y}-${String(m).padStart(2, '0')}`;
  const expected = sameMonth ? Math.round(goal * d / daysInMonth) : goal;
  const bars = [
    { name: '本月目标', fen: goal, color: '#b9bcc2' },
    { name: '按进度应完成', fen: expected, color: '#d8a23a' },
    { name: '已完成', fen: target.actualFen, color: target.behind ? '#b3121c' : '#3f8f6b' },
  ];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `¥${Number(v).toLocaleString('zh-CN')}` },
    grid: { left: 8, right: 88, top: 8, bottom: 8, containLabel: true },
    // every bar carries its amount; axis labels of six-digit amounts would only collide on a phone
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: bars.map((b) => b.name) },
    series: [{
      type: 'bar', name: '金额', barMaxWidth: 28,
      data: bars.map((b) => ({ value: b.fen / 100, itemStyle: { color: b.color } })),
      label: { show: true, position: 'right', formatter: ({ value }) => `¥${Number(value).toLocaleString('zh-CN')}` },
    }],
  };
}
