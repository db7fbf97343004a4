// 总览 (managers). Today it can show only what the API already offers: accounts by role and status.
// Live GMV, the base's goals and the rankings come with later APIs; until then their cards say the source
// is not connected rather than showing numbers.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { ROLES, roleLabel } from '../roles.js';
import { drawChart, loadECharts } from '../charts.js';
import { empty } from '../ui.js';

export async function render(root) {
  // fetch the counts while the chart library downloads
  const [counts] = await Promise.all([countAccounts(), loadECharts()]);
  const chartEl = h('div', { class: 'chart', role: 'img', 'aria-label': '各角色账号数量柱状图', 'data-testid': 'accounts-chart' });
  const active = ROLES.reduce((sum, role) => sum + counts[role].active, 0);
  const disabled = ROLES.reduce((sum, role) => sum + counts[role].disabled, 0);

  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '总览')),
    h('div', { class: 'stats' },
      pendingStat('今日直播 GMV', '直播场次与销售台账'),
      pendingStat('基地目标完成进度', '企业与目标'),
      h('div', { class: 'stat' },
        h('div', { class: 'label' }, '启用中的账号'),
        h('div', { class: 'value', 'data-testid': 'active-accounts' }, active),
        h('div', { class: 'hint' }, disabled ? `另有 ${disabled} 个已停用` : '没有停用的账号'))),
    h('section', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, '账号概况'), h('a', { href: '#/accounts' }, '去账号管理 →')),
      chartEl,
      countsTable(counts)),
    h('section', { class: 'card', dataset: { pending: 'rankings' } },
      h('h2', {}, '主播与团队排名'),
      empty('数据源尚未接入', '主播与团队的业绩排名和趋势图需要「主播、团队与排名」和「销售台账」接口，上线后在此显示。')));

  return drawChart(chartEl, {
    tooltip: { trigger: 'axis' },
    legend: { data: ['启用', '停用'] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    // every role stays labelled on a phone: long names wrap instead of being skipped
    xAxis: { type: 'category', data: ROLES.map(roleLabel), axisLabel: { interval: 0, width: 64, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '启用', type: 'bar', stack: 'accounts', data: ROLES.map((r) => counts[r].active) },
      { name: '停用', type: 'bar', stack: 'accounts', data: ROLES.map((r) => counts[r].disabled), itemStyle: { color: '#b9bcc2' } },
    ],
  });
}

/** The list endpoint's total answers "how many": one page of size 1 per role and status, all at once. */
async function countAccounts() {
  const pairs = ROLES.flatMap((role) => ['active', 'disabled'].map((status) => [role, status]));
  const totals = await Promise.all(pairs.map(([role, status]) =>
    api.get('/accounts', { role, status, size: 1 }).then((page) => page.total)));
  const counts = Object.fromEntries(ROLES.map((role) => [role, { active: 0, disabled: 0 }]));
  pairs.forEach(([role, status], i) => { counts[role][status] = totals[i]; });
  return counts;
}

function pendingStat(label, source) {
  return h('div', { class: 'stat pending', dataset: { pending: label } },
    h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, '数据源尚未接入'),
    h('div', { class: 'hint' }, `「${source}」接口上线后显示`));
}

function countsTable(counts) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data', 'aria-label': '各角色账号数量' },
      h('thead', {}, h('tr', {}, h('th', {}, '角色'), h('th', {}, '启用'), h('th', {}, '停用'))),
      h('tbody', {}, ROLES.map((role) => h('tr', {},
        h('td', {}, roleLabel(role)), h('td', {}, counts[role].active), h('td', {}, counts[role].disabled))))));
}
