// 业绩排名 (managers): streamers or teams ranked over a chosen period by GMV, orders, growth, target attainment,
// UV value or conversion, with a chart of the leaders and a streamer's own trend on demand; the teams side by side
// day by day; this month's targets that trail the calendar; CSV / XLSX export; and the import of outside sales.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { drawChart, loadECharts } from '../charts.js';
import { empty, loading, notice } from '../ui.js';
import { download } from '../transfer.js';
import { renderStreamerSales } from '../components/streamer-sales.js';
import { salesImportCard } from '../sales-import.js';
import {
  attainmentBar, count, everyDay, fitBarChart, growthTag, monthLabel, percent, periodPicker, progressBar, reportError, yuan,
} from '../sales.js';

const METRICS = {
  gmv: { label: '净成交额', unit: '元', value: (r) => r.netFen / 100 },
  orders: { label: '订单数', unit: '单', value: (r) => r.orders },
  growth: { label: '增长率', unit: '%', value: (r) => (r.growth?.growthBp ?? null) === null ? null : r.growth.growthBp / 100 },
  attainment: { label: '目标完成度', unit: '%', value: (r) => (r.attainmentBp ?? null) === null ? null : r.attainmentBp / 100 },
  uvValue: { label: 'UV 价值', unit: '元', value: (r) => (r.uvValueFen ?? null) === null ? null : r.uvValueFen / 100 },
  conversion: { label: '转化率', unit: '%', value: (r) => (r.conversionBp ?? null) === null ? null : r.conversionBp / 100 },
};
/** The growth column names its basis: 环比 or 同比, as the API labels it. */
function growthHead(ranking) {
  const basis = ranking.comparedWith?.basis;
  return basis === 'same_month_last_year' ? '同比' : basis === 'previous_month' ? '环比' : '增长';
}

function comparedWithText(ranking) {
  const c = ranking.comparedWith;
  return c ? `增长比较：${c.label}，${c.from} 至 ${c.to}` : '';
}

const SCOPE_LABELS = { streamer: '主播', team: '团队', enterprise: '企业', base: '全基地' };
const CHART_TOP = 10;

export async function render(root) {
  const query = { of: 'streamer', by: 'gmv', growthBasis: 'previous_period' };
  const releases = new Map();
  let releaseDetail = () => {};
  const picker = periodPicker(() => reloadPeriod());

  const of = segmented([['streamer', '主播'], ['team', '团队']], query.of, (value) => {
    query.of = value;
    loadRanking();
  });
  const by = h('select', { 'aria-label': '排名依据' },
    Object.entries(METRICS).map(([key, m]) => h('option', { value: key }, `按${m.label}`)));
  by.addEventListener('change', () => {
    query.by = by.value;
    loadRanking();
  });
  const basis = h('select', { 'aria-label': '增长比较基准' },
    h('option', { value: 'previous_period' }, '增长：环比'),
    h('option', { value: 'same_period_last_year' }, '增长：同比（去年同期）'));
  basis.addEventListener('change', () => {
    query.growthBasis = basis.value;
    loadRanking();
  });

  const messages = h('div', { 'data-testid': 'ranking-messages' });
  const rankingArea = h('div', { class: 'reserve-chart', 'data-testid': 'ranking' });
  const detail = h('div', { 'data-testid': 'ranking-detail' });
  const teamsArea = h('div', { class: 'reserve-chart', 'data-testid': 'team-comparison' });
  const behindArea = h('div', { 'data-testid': 'behind-target' });

  mount(root,
    h('div', { class: 'page-head' },
      h('h1', {}, '业绩排名'),
      h('div', { class: 'form-actions' },
        exportButton('导出 CSV', 'csv'),
        exportButton('导出 Excel', 'xlsx'))),
    messages,
    h('section', { class: 'card' },
      h('div', { class: 'filters' }, picker.el),
      h('div', { class: 'filters' }, of, by, basis),
      rankingArea),
    detail,
    h('section', { class: 'card' }, h('h2', {}, '团队对比'), teamsArea),
    h('section', { class: 'card' }, h('h2', {}, '本月落后于目标'), behindArea),
    salesImportCard({
      onImported: () => {
        reloadPeriod();
        loadBehind();
      },
    }));

  function params() {
    return { ...picker.period(), of: query.of, by: query.by };
  }

  function exportButton(label, format) {
    const button = h('button', { class: 'btn', type: 'button' }, label);
    button.addEventListener('click', async () => {
      const bar = progressBar(`${label}进度`);
      mount(messages, h('div', { class: 'hint' }, `正在生成${format === 'xlsx' ? ' Excel ' : ' CSV '}文件…`), bar.el);
      button.disabled = true;
      try {
        const name = await download('/reports/rankings/export', {
          query: { ...params(), format }, fallbackName: `业绩排名.${format}`, onProgress: bar.set,
        });
        mount(messages, notice('success', `已导出「${name}」，请在浏览器的下载列表中查看。`));
      } catch (error) {
        mount(messages, reportError(error));
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  function release(key) {
    releases.get(key)?.();
    releases.delete(key);
  }

  async function chartInto(key, el, option) {
    release(key);
    releases.set(key, await drawChart(el, option));
  }

  // a quick second change of the filters must not be overwritten by the first answer arriving late
  const asked = { ranking: 0, teams: 0 };

  async function loadRanking() {
    const ticket = ++asked.ranking;
    mount(rankingArea, loading('正在计算排名…'));
    release('ranking');
    try {
      const ranking = await api.get('/reports/rankings', { ...params(), growthBasis: query.growthBasis });
      if (ticket !== asked.ranking) return;
      if (!ranking.items.length) {
        mount(rankingArea, empty('这段时间没有销售', '换一个时间段，或在下方导入直播间以外的销售数据；主播开播成交后也会出现在这里。'));
        return;
      }
      const chartEl = h('div', { class: 'chart', role: 'img', 'aria-label': `前 ${CHART_TOP} 名${(METRICS[ranking.by] ?? METRICS.gmv).label}柱状图`, 'data-testid': 'ranking-chart' });
      fitBarChart(chartEl, Math.min(CHART_TOP, ranking.items.length));
      mount(rankingArea, chartEl, rankingTable(ranking));
      await chartInto('ranking', chartEl, rankingChart(ranking));
    } catch (error) {
      if (ticket === asked.ranking) mount(rankingArea, reportError(error));
    }
  }

  function rankingTable(ranking) {
    const streamers = ranking.of === 'streamer';
    const heads = ['排名', streamers ? '主播' : '团队', '净成交额', '订单', '退款', growthHead(ranking), '目标完成度', 'UV 价值', '转化率', streamers ? '操作' : null];
    return h('div', { class: 'table-wrap' },
      h('p', { class: 'hint', 'data-testid': 'compared-with' }, comparedWithText(ranking)),
      h('table', { class: 'data stack', 'aria-label': '业绩排名' },
        h('thead', {}, h('tr', {}, heads.filter((t) => t !== null).map((t) => h('th', {}, t)))),
        h('tbody', {}, ranking.items.map((r) => h('tr', { dataset: { rank: r.rank, streamerId: r.streamerId ?? '', teamId: r.teamId ?? '' } },
          h('td', { 'data-label': '排名' }, r.rank),
          h('td', { 'data-label': streamers ? '主播' : '团队' }, r.name ?? '—'),
          h('td', { 'data-label': '净成交额', class: 'num' }, yuan(r.netFen)),
          h('td', { 'data-label': '订单', class: 'num' }, count(r.orders)),
          h('td', { 'data-label': '退款', class: 'num' }, count(r.refunds)),
          h('td', { 'data-label': growthHead(ranking) }, growthTag(r.growth)),
          h('td', { 'data-label': '目标完成度' }, attainmentBar(r.attainmentBp)),
          h('td', { 'data-label': 'UV 价值', class: 'num' }, yuan(r.uvValueFen)),
          h('td', { 'data-label': '转化率', class: 'num' }, percent(r.conversionBp)),
          streamers ? h('td', { class: 'actions' }, r.streamerId
            ? h('button', { class: 'btn small', type: 'button', onclick: (e) => showStreamer(r, e.target.closest('tr')) }, '月度趋势')
            : h('span', { class: 'hint' }, '未建档')) : null)))));
  }

  async function showStreamer(row, tr) {
    rankingArea.querySelectorAll('tr.selected').forEach((t) => t.classList.remove('selected'));
    tr.classList.add('selected');
    releaseDetail();
    const body = h('div', {});
    mount(detail, h('div', { class: 'card-head' }, h('h2', {}, `${row.name} 的销售`),
      h('button', { class: 'btn small', type: 'button', onclick: () => { releaseDetail(); releaseDetail = () => {}; mount(detail); tr.classList.remove('selected'); } }, '收起')), body);
    detail.scrollIntoView({ block: 'start', behavior: 'smooth' });
    releaseDetail = await renderStreamerSales(body, row.streamerId, { months: 12 });
  }

  async function loadTeams() {
    const ticket = ++asked.teams;
    mount(teamsArea, loading('正在加载团队对比…'));
    release('teams');
    try {
      const comparison = await api.get('/reports/teams', picker.period());
      if (ticket !== asked.teams) return;
      if (!comparison.items?.length) {
        mount(teamsArea, empty('这段时间没有团队销售', '在「主播与团队」把主播编入团队后，团队的业绩会在这里对比。'));
        return;
      }
      if (!comparison.days?.length) {
        mount(teamsArea, h('p', { class: 'hint' }, '这段时间各团队都还没有成交，有成交后显示每日走势。'), teamsTable(comparison.items));
        return;
      }
      const chartEl = h('div', { class: 'chart', role: 'img', 'aria-label': '各团队每日净成交额折线图', 'data-testid': 'teams-chart' });
      mount(teamsArea, chartEl, teamsTable(comparison.items));
      await chartInto('teams', chartEl, teamsChart(comparison, picker.period()));
    } catch (error) {
      if (ticket === asked.teams) mount(teamsArea, reportError(error));
    }
  }

  async function loadBehind() {
    mount(behindArea, loading('正在加载目标进度…'));
    try {
      const behind = await api.get('/reports/behind-target');
      mount(behindArea,
        h('p', { class: 'hint' }, `${monthLabel(behind.month)}已过去 ${percent(behind.expectedShareBp)}；完成度低于这个进度的目标列在下面，落后最多的在前。`),
        behind.items.length ? behindTable(behind.items)
          : empty('本月没有落后的目标', '所有已设目标都跟上了进度。还没设目标的话，请到「企业与目标」设定本月目标。',
            h('a', { class: 'btn', href: '#/enterprises' }, '去设定目标')));
    } catch (error) {
      mount(behindArea, reportError(error));
    }
  }

  function reloadPeriod() {
    loadRanking();
    loadTeams();
  }

  await loadECharts();
  await Promise.all([loadRanking(), loadTeams(), loadBehind()]);
  return () => {
    releaseDetail();
    [...releases.keys()].forEach(release);
  };
}

function segmented(options, initial, onChoose) {
  const buttons = options.map(([value, label]) => h('button', { type: 'button', 'aria-pressed': String(value === initial), dataset: { value } }, label));
  buttons.forEach((b) => b.addEventListener('click', () => {
    buttons.forEach((other) => other.setAttribute('aria-pressed', String(other === b)));
    onChoose(b.dataset.value);
  }));
  return h('div', { class: 'segmented', role: 'group', 'aria-label': '排名对象' }, buttons);
}

/**
 * The leaders by the metric the answer was ranked by (not the form's, which may have changed meanwhile), best on
 * top; rows without the figure (no target, no live viewers, nothing sold before) are left out.
 */
function rankingChart(ranking) {
  const metric = METRICS[ranking.by] ?? METRICS.gmv;
  const top = ranking.items.filter((r) => metric.value(r) !== null).slice(0, CHART_TOP).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: metric.unit },
    yAxis: { type: 'category', data: top.map((r) => r.name), axisLabel: { width: 96, overflow: 'truncate' } },
    series: [{ name: metric.label, type: 'bar', data: top.map(metric.value), barMaxWidth: 22, label: { show: true, position: 'right' } }],
  };
}

function teamsChart(comparison, period) {
  const names = new Map(comparison.items.map((t) => [t.teamId, t.name]));
  const days = everyDay(period.from, period.to);
  const byTeam = new Map();
  for (const d of comparison.days ?? []) {
    if (!byTeam.has(d.teamId)) byTeam.set(d.teamId, new Map());
    byTeam.get(d.teamId).set(d.day, d.netFen);
  }
  const series = [...byTeam.entries()].map(([teamId, perDay]) => ({
    name: names.get(teamId) ?? `团队 #${teamId}`,
    type: 'line', showSymbol: days.length <= 31,
    data: days.map((day) => (perDay.get(day) ?? 0) / 100),
  }));
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', data: series.map((s) => s.name) },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
    yAxis: { type: 'value', name: '元' },
    series,
  };
}

function teamsTable(items) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '团队对比' },
      h('thead', {}, h('tr', {}, ['排名', '团队', '净成交额', '订单', '增长', '目标完成度', '转化率'].map((t) => h('th', {}, t)))),
      h('tbody', {}, items.map((t) => h('tr', { dataset: { teamId: t.teamId } },
        h('td', { 'data-label': '排名' }, t.rank),
        h('td', { 'data-label': '团队' }, t.name),
        h('td', { 'data-label': '净成交额', class: 'num' }, yuan(t.netFen)),
        h('td', { 'data-label': '订单', class: 'num' }, count(t.orders)),
        h('td', { 'data-label': '增长' }, growthTag(t.growth)),
        h('td', { 'data-label': '目标完成度' }, attainmentBar(t.attainmentBp)),
        h('td', { 'data-label': '转化率', class: 'num' }, percent(t.conversionBp)))))));
}

function behindTable(items) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '落后于目标' },
      h('thead', {}, h('tr', {}, ['对象', '目标', '已完成', '完成度'].map((t) => h('th', {}, t)))),
      h('tbody', {}, items.map((t) => h('tr', { dataset: { scope: t.scope, scopeId: t.scopeId ?? '' } },
        h('td', { 'data-label': '对象' }, `${SCOPE_LABELS[t.scope] ?? t.scope} · ${t.name ?? '全基地'}`),
        h('td', { 'data-label': '目标', class: 'num' }, yuan(t.targetFen ?? t.gmvFen)),
        h('td', { 'data-label': '已完成', class: 'num' }, yuan(t.actualFen)),
        h('td', { 'data-label': '完成度' }, attainmentBar(t.attainmentBp, { behind: true })))))));
}
