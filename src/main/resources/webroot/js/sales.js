// What the sales pages share: growth and attainment as people read them, Beijing-time days and months, period
// presets, the monthly trend chart, and the tables of sessions and best products.
import { h } from './dom.js';
import { dateTime, empty, errorNotice, notice } from './ui.js';
import { count, percent, STATUS_LABELS, yuan } from './live.js';

export { count, percent, yuan };

/** Growth against an earlier period; nothing sold before is "new", never a division by zero. */
export function growthText(growth) {
  if (!growth) return '—';
  if (growth.new) return '新增';
  if (growth.growthBp === null || growth.growthBp === undefined) return '—';
  // 红涨绿跌: a rise reads ▲ in red, a fall ▼ in green (the colours are in .growth.up / .growth.down)
  if (growth.growthBp > 0) return `▲ ${percent(growth.growthBp)}`;
  if (growth.growthBp < 0) return `▼ ${percent(-growth.growthBp)}`;
  return percent(0);
}

export function growthTag(growth) {
  const text = growthText(growth);
  const kind = growth?.new ? 'new' : growth?.growthBp > 0 ? 'up' : growth?.growthBp < 0 ? 'down' : '';
  const title = growth?.new ? '上一期没有销售，本期为新增' : growth ? `上一期净成交额 ${yuan(growth.previousFen)}` : null;
  return h('span', { class: `growth ${kind}`, title }, text);
}

/** A bar filled to `bp` basis points (capped at the end), the percentage beside it; red when behind. */
export function attainmentBar(bp, { behind = false, label } = {}) {
  if (bp === null || bp === undefined) return h('span', { class: 'hint' }, '未设目标');
  const width = Math.max(0, Math.min(100, bp / 100));
  return h('div', { class: `meter${behind ? ' behind' : ''}`, role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100,
    'aria-valuenow': Math.round(bp / 100), 'aria-label': label ?? '目标完成度' },
  h('div', { class: 'meter-track' }, h('div', { class: 'meter-fill', style: `width:${width}%` })),
  h('span', { class: 'meter-text' }, percent(bp)));
}

/** A progress bar for uploads and downloads; `set(share)` with 0..1, or null when the size is unknown. */
export function progressBar(label) {
  const fill = h('div', { class: 'meter-fill' });
  const text = h('span', { class: 'meter-text' }, '0%');
  const el = h('div', { class: 'meter transfer', role: 'progressbar', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': 100 },
    h('div', { class: 'meter-track' }, fill), text);
  return {
    el,
    set(share) {
      if (share === null) {
        el.classList.add('unknown');
        text.textContent = '传输中…';
        return;
      }
      const pct = Math.round(share * 100);
      fill.style.width = `${pct}%`;
      text.textContent = `${pct}%`;
      el.setAttribute('aria-valuenow', pct);
    },
  };
}

// ---- days and months on Beijing time, whatever the device's zone ----

const BASE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today at the base as yyyy-MM-dd. */
export function todayInBase() {
  return BASE_DAY.format(new Date());
}

export function thisMonth() {
  return todayInBase().slice(0, 7);
}

/** yyyy-MM plus n months (n may be negative). */
export function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** yyyy-MM-dd plus n days (n may be negative). */
export function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function lastDayOf(month) {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}

/** A horizontal bar chart grows with its rows instead of spreading three bars over a tall empty box. */
export function fitBarChart(el, rows) {
  el.style.height = `${Math.max(140, 48 + rows * 34)}px`;
}

/** Every day from `from` to `to` (yyyy-MM-dd, both included): chart axes show the days nothing sold too. */
export function everyDay(from, to) {
  const days = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function monthLabel(month) {
  const [y, m] = String(month).split('-');
  return m ? `${y}年${Number(m)}月` : String(month);
}

/** The periods people ask for, as [key, label, () => {from, to}]. */
export const PERIODS = [
  ['month', '本月', () => ({ from: `${thisMonth()}-01`, to: todayInBase() })],
  ['last-month', '上月', () => {
    const month = addMonths(thisMonth(), -1);
    return { from: `${month}-01`, to: lastDayOf(month) };
  }],
  ['7d', '近 7 天', () => ({ from: addDays(todayInBase(), -6), to: todayInBase() })],
  ['30d', '近 30 天', () => ({ from: addDays(todayInBase(), -29), to: todayInBase() })],
  ['quarter', '近 3 个月', () => ({ from: `${addMonths(thisMonth(), -2)}-01`, to: todayInBase() })],
  ['year', '今年', () => ({ from: `${thisMonth().slice(0, 4)}-01-01`, to: todayInBase() })],
];

// ---- figures, trend chart, tables ----

/** Orders, refunds and amounts of a SalesFigures object as a definition list. */
export function figuresList(figures, testId) {
  const rows = [
    ['净成交额', yuan(figures?.netFen)],
    ['订单数', count(figures?.orders)],
    ['成交额（含退款前）', yuan(figures?.grossFen)],
    // refunds travel negative; "-¥199.00" reads better than "¥-199.00"
    ['退款 / 取消', `${count(figures?.refunds)} 单 · ${figures?.refundFen ? `-${yuan(Math.abs(figures.refundFen))}` : yuan(0)}`],
  ];
  return h('dl', { class: 'figures', 'data-testid': testId },
    rows.map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, value))));
}

/**
 * Net GMV bars (yuan) and an orders line per month, for drawChart. The API lists only months with sales; the
 * chart shows every one of the last `span` months up to `last`, a month without sales as zero.
 */
export function monthlyTrendOption(months, span = months.length, last = thisMonth()) {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const axis = Array.from({ length: Math.max(span, 1) }, (_, i) => addMonths(last, i - span + 1));
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['净成交额（元）', '订单数'] },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: axis.map(monthLabel) },
    yAxis: [{ type: 'value', name: '元' }, { type: 'value', name: '单', minInterval: 1, splitLine: { show: false } }],
    series: [
      { name: '净成交额（元）', type: 'bar', data: axis.map((m) => (byMonth.get(m)?.netFen ?? 0) / 100), barMaxWidth: 36 },
      { name: '订单数', type: 'line', yAxisIndex: 1, data: axis.map((m) => byMonth.get(m)?.orders ?? 0) },
    ],
  };
}

/** Sessions with their settled figures (live ones show their status instead). */
export function sessionsTable(sessions, { emptyText = '这段时间没有直播场次', nextStep = '' } = {}) {
  if (!sessions?.length) return empty(emptyText, nextStep);
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '直播场次' },
      h('thead', {}, h('tr', {}, ['场次', '时间', '状态', '成交额', '订单', '观看人数', '转化率', 'UV 价值'].map((t) => h('th', {}, t)))),
      h('tbody', {}, sessions.map((s) => h('tr', { dataset: { sessionId: s.id } },
        h('td', { 'data-label': '场次' }, s.title),
        h('td', { 'data-label': '时间' }, dateTime(s.startedAt ?? s.plannedStart)),
        h('td', { 'data-label': '状态' }, h('span', { class: `tag ${s.status}` }, STATUS_LABELS[s.status] ?? s.status)),
        h('td', { 'data-label': '成交额' }, yuan(s.gmvFen)),
        h('td', { 'data-label': '订单' }, count(s.orders)),
        h('td', { 'data-label': '观看人数' }, count(s.uniqueViewers)),
        h('td', { 'data-label': '转化率' }, percent(s.conversionBp)),
        h('td', { 'data-label': 'UV 价值' }, yuan(s.uvValueFen)))))));
}

/** Best-selling products by net GMV. */
export function bestProductsTable(products, { emptyText = '本月还没有卖出的商品', nextStep = '' } = {}) {
  if (!products?.length) return empty(emptyText, nextStep);
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '热销商品' },
      h('thead', {}, h('tr', {}, ['#', '商品', '件数', '订单', '净成交额'].map((t) => h('th', {}, t)))),
      h('tbody', {}, products.map((p, i) => h('tr', {},
        h('td', { 'data-label': '排名' }, i + 1),
        h('td', { 'data-label': '商品' }, p.name ?? `#${p.productId}`),
        h('td', { 'data-label': '件数' }, count(p.quantity)),
        h('td', { 'data-label': '订单' }, count(p.orders)),
        h('td', { 'data-label': '净成交额' }, yuan(p.netFen)))))));
}

/** A target's numbers in one line: 已完成 ¥x / 目标 ¥y. */
export function targetLine(target) {
  if (!target) return '本月还没有设定目标';
  const goal = target.targetFen ?? target.gmvFen;
  return goal === null || goal === undefined
    ? `本月已完成 ${yuan(target.actualFen)}（只设了增长目标）`
    : `本月已完成 ${yuan(target.actualFen)} / 目标 ${yuan(goal)}`;
}

/**
 * A period chooser: the presets above plus two date inputs (changing a date makes it 自定义). `onChange({from, to})`
 * runs after every change with a complete period. Returns { el, period() }.
 */
export function periodPicker(onChange, initial = 'month') {
  const preset = h('select', { 'aria-label': '时间段' },
    PERIODS.map(([key, label]) => h('option', { value: key, selected: key === initial }, label)),
    h('option', { value: 'custom' }, '自定义'));
  const start = PERIODS.find(([key]) => key === initial)[2]();
  const from = h('input', { type: 'date', 'aria-label': '开始日期', value: start.from, max: todayInBase() });
  const to = h('input', { type: 'date', 'aria-label': '结束日期', value: start.to, max: todayInBase() });
  preset.addEventListener('change', () => {
    const chosen = PERIODS.find(([key]) => key === preset.value);
    if (!chosen) return;
    const p = chosen[2]();
    from.value = p.from;
    to.value = p.to;
    onChange(period());
  });
  for (const input of [from, to]) {
    input.addEventListener('change', () => {
      preset.value = 'custom';
      if (from.value && to.value) onChange(period());
    });
  }
  function period() {
    return { from: from.value, to: to.value };
  }
  return { el: [preset, from, h('span', { class: 'hint' }, '至'), to], period };
}

const QUERY_FIELDS = { from: '开始日期', to: '结束日期', month: '月份' };

/** An API error of a report query; the query's own field errors (from after to, …) are named, not hidden. */
export function reportError(error) {
  const details = Object.entries(error?.fields ?? {}).map(([field, message]) => `${QUERY_FIELDS[field] ?? field}：${message}`);
  return details.length ? notice('error', `${error.message}（${details.join('；')}）`) : errorNotice(error);
}
