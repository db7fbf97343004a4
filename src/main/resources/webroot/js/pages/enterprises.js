// 企业与目标 (managers): the base's standing goals with their progress; the resident enterprises (入驻企业) with
// their brands, incubation and rent-free periods and how their live sales grow; and a month's targets per
// streamer, team, enterprise and the whole base, set and edited here, each against what was sold.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { drawChart, loadECharts } from '../charts.js';
import { empty, errorNotice, loading, notice } from '../ui.js';
import { count, growthTag, monthLabel, reportError, thisMonth, yuan } from '../sales.js';
import { enterpriseForm, linkBrandForm } from '../enterprise-forms.js';
import { targetsCard } from '../targets.js';

const STATES = {
  not_resident: ['未入驻', 'disabled'],
  not_started: ['即将入驻', 'scheduled'],
  rent_free: ['免租期', 'active'],
  incubating: ['孵化中', 'live'],
  graduated: ['已结束孵化', 'ended'],
};

export async function render(root) {
  const goalsArea = h('div', { 'data-testid': 'goals' });
  const listArea = h('div', { 'data-testid': 'enterprises' });
  const messages = h('div', { 'data-testid': 'enterprise-messages' });
  const formSlot = h('div', {});
  const chartEl = h('div', { class: 'chart', role: 'img', 'aria-label': '各企业本月与去年同月净成交额柱状图', 'data-testid': 'enterprise-chart' });
  let releaseChart = () => {};
  let enterprises = [];

  const targets = targetsCard({ enterprises: () => enterprises });

  mount(root,
    h('div', { class: 'page-head' },
      h('h1', {}, '企业与目标'),
      h('button', { class: 'btn primary', type: 'button', onclick: () => openForm(null) }, '登记企业')),
    h('section', { class: 'card' }, h('h2', {}, '基地目标'), goalsArea),
    messages,
    formSlot,
    h('section', { class: 'card' }, h('h2', {}, '入驻企业'), listArea),
    targets.el);

  function openForm(enterprise) {
    mount(formSlot, enterpriseForm(enterprise, {
      onSaved(saved) {
        mount(formSlot);
        mount(messages, notice('success', enterprise ? `已保存「${saved.name}」。` : `已登记企业「${saved.name}」。`));
        loadEnterprises();
        loadGoals();
      },
      onCancel: () => mount(formSlot),
    }));
    formSlot.scrollIntoView({ block: 'nearest' });
  }

  async function openLink(enterprise) {
    mount(formSlot, loading('正在加载品牌库…'));
    try {
      const brands = (await api.get('/brands')).items;
      mount(formSlot, linkBrandForm(enterprise, brands, {
        onLinked(brand) {
          mount(formSlot);
          mount(messages, notice('success', `已把品牌「${brand.name}」归入「${enterprise.name}」。`));
          loadEnterprises();
        },
        onCancel: () => mount(formSlot),
      }));
    } catch (error) {
      mount(formSlot, errorNotice(error));
    }
  }

  async function loadGoals() {
    try {
      mount(goalsArea, goalsView(await api.get('/goals')));
    } catch (error) {
      mount(goalsArea, reportError(error));
    }
  }

  async function loadEnterprises() {
    mount(listArea, loading('正在加载入驻企业…'));
    try {
      const [list, growth] = await Promise.all([api.get('/enterprises'), api.get('/reports/enterprises', { month: thisMonth() })]);
      enterprises = list.items;
      const growthById = new Map((growth.items ?? []).map((g) => [g.id, g]));
      if (!enterprises.length) {
        mount(listArea, empty('还没有登记企业', '点击右上角「登记企业」，填写入驻日期、孵化期和免租期；再把企业的品牌归入企业，销售就会按企业统计。'));
        return;
      }
      releaseChart();
      releaseChart = () => {};
      // a chart of zeros says nothing: it appears once some enterprise sold this month or the same month last year
      const sold = enterprises.some((e) => growthById.get(e.id)?.figures?.netFen || growthById.get(e.id)?.sameMonthLastYear?.previousFen);
      mount(listArea, enterpriseTable(enterprises, growthById),
        sold ? [h('h3', { class: 'spaced' }, `本月与去年同月对比 · ${monthLabel(thisMonth())}`), chartEl] : null);
      if (sold) releaseChart = await drawChart(chartEl, growthChart(enterprises, growthById));
    } catch (error) {
      mount(listArea, reportError(error));
    }
  }

  function enterpriseTable(items, growthById) {
    const heads = ['企业', '品牌', '孵化状态', '入驻日期', '孵化期至', '免租期至', '设备押金', '导师', '本月净成交额', '同比', '环比', '操作'];
    return h('div', { class: 'table-wrap' },
      h('table', { class: 'data stack', 'aria-label': '入驻企业' },
        h('thead', {}, h('tr', {}, heads.map((t) => h('th', {}, t)))),
        h('tbody', {}, items.map((e) => {
          const g = growthById.get(e.id);
          const [stateLabel, stateTag] = STATES[e.incubationState] ?? [e.incubationState, ''];
          return h('tr', { dataset: { enterpriseId: e.id } },
            h('td', { 'data-label': '企业' }, h('strong', {}, e.name), e.contact ? h('div', { class: 'hint' }, e.contact) : null),
            h('td', { 'data-label': '品牌' }, e.brands?.length ? e.brands.map((b) => b.name).join('、') : h('span', { class: 'hint' }, '未关联品牌')),
            h('td', { 'data-label': '孵化状态' }, h('span', { class: `tag ${stateTag}` }, stateLabel)),
            h('td', { 'data-label': '入驻日期' }, e.incubationStart ?? '—'),
            h('td', { 'data-label': '孵化期至' }, e.incubationEnd ?? '—'),
            h('td', { 'data-label': '免租期至' }, e.rentFreeEnd ?? (e.resident ? '无免租期' : '—')),
            h('td', { 'data-label': '设备押金', class: 'num' }, yuan(e.equipmentDepositFen)),
            h('td', { 'data-label': '导师' }, e.mentor || '—'),
            h('td', { 'data-label': '本月净成交额', class: 'num' }, yuan(g?.figures?.netFen)),
            h('td', { 'data-label': '同比' }, growthTag(g?.sameMonthLastYear)),
            h('td', { 'data-label': '环比' }, growthTag(g?.previousMonth)),
            h('td', { class: 'actions' },
              h('button', { class: 'btn small', type: 'button', onclick: () => openForm(e) }, '编辑'),
              h('button', { class: 'btn small', type: 'button', onclick: () => openLink(e) }, '关联品牌')));
        }))));
  }

  await loadECharts();
  await Promise.all([loadGoals(), loadEnterprises(), targets.load()]);
  return () => {
    releaseChart();
    targets.release();
  };
}

/** The four standing goals as tiles, and under them each resident enterprise's growth against >20%. */
function goalsView(goals) {
  const enterprises = goals.enterprises ?? [];
  return [
    h('div', { class: 'goals' }, goals.goals.map((g) => h('div', { class: `goal${g.met ? ' met' : ''}`, dataset: { goal: g.key } },
      h('div', { class: 'title' }, g.title),
      h('div', { class: 'numbers' }, `${count(g.actual)} / ${count(g.target)}`),
      goalMeter(g),
      h('div', { class: 'hint' }, goalHint(g))))),
    enterprises.length ? h('div', { class: 'table-wrap' },
      h('table', { class: 'data stack', 'aria-label': '入驻企业增长目标' },
        h('thead', {}, h('tr', {}, ['企业', `本月净成交额（${monthLabel(goals.month)}）`, '同比去年同期', '增长 >20%'].map((t) => h('th', {}, t)))),
        h('tbody', {}, enterprises.map((e) => h('tr', {},
          h('td', { 'data-label': '企业' }, e.name),
          h('td', { 'data-label': '本月净成交额', class: 'num' }, yuan(e.netFen)),
          h('td', { 'data-label': '同比' }, growthTag(e.growth)),
          h('td', { 'data-label': '增长 >20%' }, h('span', { class: `tag ${e.met ? 'met' : 'warn'}` }, e.met ? '达成' : '未达成'))))))) : null,
  ];
}

function goalMeter(goal) {
  const share = goal.target > 0 ? Math.min(1, goal.actual / goal.target) : 0;
  return h('div', { class: `meter${goal.met ? '' : ' behind'}`, role: 'meter', 'aria-label': goal.title,
    'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(share * 100) },
  h('div', { class: 'meter-track' }, h('div', { class: 'meter-fill', style: `width:${share * 100}%` })),
  h('span', { class: 'meter-text' }, `${Math.round(share * 100)}%`));
}

function goalHint(goal) {
  if (goal.met) return '已达成';
  if (goal.key === 'enterprise_growth') {
    return goal.target ? `还有 ${count(goal.target - goal.actual)} 家入驻企业增长未超过 20%` : '还没有入驻企业，请先登记企业';
  }
  return `还差 ${count(Math.max(0, goal.target - goal.actual))}`;
}

function growthChart(enterprises, growthById) {
  const names = enterprises.map((e) => e.name);
  const now = enterprises.map((e) => (growthById.get(e.id)?.figures?.netFen ?? 0) / 100);
  const lastYear = enterprises.map((e) => (growthById.get(e.id)?.sameMonthLastYear?.previousFen ?? 0) / 100);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['本月', '去年同期'] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, width: 80, overflow: 'break' } },
    yAxis: { type: 'value', name: '元' },
    series: [
      { name: '本月', type: 'bar', data: now, barMaxWidth: 28 },
      { name: '去年同期', type: 'bar', data: lastYear, barMaxWidth: 28, itemStyle: { color: '#b9bcc2' } },
    ],
  };
}
