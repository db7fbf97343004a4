// 总览 (managers): today's live GMV, the base's standing goals, this month's leading streamers and the accounts.
// Every figure comes from its own request, all sent at once; one that fails shows its error in its own place
// and the rest of the page still loads (the overview is measured: it must stay under a second). Its one chart, five
// bars, is plain HTML: the chart library's first run alone took 0.35-0.45 s of a slow machine's second.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { ROLES, roleLabel } from '../roles.js';
import { empty, errorNotice, loading } from '../ui.js';
import { count, growthTag, yuan } from '../sales.js';

const TOP = 5;

export async function render(root) {
  // every request goes out at once; meanwhile the page's frame is shown, so that only the figures remain to fill in
  // when the answers arrive
  const answers = Promise.all([
    countAccounts(), settled(api.get('/live/leaderboard')), settled(api.get('/goals')),
    settled(api.get('/reports/rankings', { limit: TOP }))]);
  const stats = h('div', { class: 'stats' }, ['今日直播 GMV', '基地目标完成进度', '启用中的账号'].map((label) =>
    h('div', { class: 'stat' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, '…'))));
  const ranking = h('div', {}, loading('正在加载本月排名…'));
  const accounts = h('div', {}, loading('正在统计账号…'));
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '总览')),
    stats,
    h('section', { class: 'card', 'data-testid': 'overview-ranking' },
      h('div', { class: 'card-head' }, h('h2', {}, '本月主播排名'), h('a', { href: '#/rankings' }, '查看完整排名 →')),
      ranking),
    h('section', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, '账号概况'), h('a', { href: '#/accounts' }, '去账号管理 →')),
      accounts));

  const [counts, live, goals, top] = await answers;
  const active = ROLES.reduce((sum, role) => sum + counts[role].active, 0);
  const disabled = ROLES.reduce((sum, role) => sum + counts[role].disabled, 0);
  mount(stats,
    liveStat(live),
    goalsStat(goals),
    h('div', { class: 'stat' },
      h('div', { class: 'label' }, '启用中的账号'),
      h('div', { class: 'value', 'data-testid': 'active-accounts' }, active),
      h('div', { class: 'hint' }, disabled ? `另有 ${disabled} 个已停用` : '没有停用的账号')));
  mount(ranking, rankingView(top));
  mount(accounts, accountBars(counts), countsTable(counts));
}

/** {value} or {error}: one failed figure must not take the whole overview down. */
function settled(promise) {
  return promise.then((value) => ({ value }), (error) => ({ error }));
}

function liveStat({ value, error }) {
  const items = value?.items ?? [];
  const total = items.reduce((sum, row) => sum + (row.gmvFen ?? 0), 0);
  return h('div', { class: 'stat' },
    h('div', { class: 'label' }, '今日直播 GMV'),
    error ? errorNotice(error) : h('div', { class: 'value', 'data-testid': 'today-live-gmv' }, yuan(total)),
    error ? null : h('div', { class: 'hint' }, items.length
      ? `${count(items.length)} 位主播 · ${count(items.reduce((sum, row) => sum + (row.sessions ?? 0), 0))} 场直播有成交`
      : h('a', { href: '#/sessions' }, '今天还没有直播成交，去安排直播 →')));
}

function goalsStat({ value, error }) {
  const goals = value?.goals ?? [];
  const met = goals.filter((g) => g.met).length;
  const unmet = goals.filter((g) => !g.met).map((g) => g.title.replace(/\s*[≥>].*$/, ''));
  return h('div', { class: 'stat' },
    h('div', { class: 'label' }, '基地目标完成进度'),
    error ? errorNotice(error) : h('div', { class: 'value', 'data-testid': 'goals-met' }, `${met} / ${goals.length} 项达成`),
    error ? null : h('div', { class: 'hint' }, unmet.length ? h('a', { href: '#/enterprises' }, `未达成：${unmet.join('、')} →`) : '全部达成'));
}

function rankingView({ value, error }) {
  if (error) return errorNotice(error);
  if (!value.items.length) {
    return empty('本月还没有销售', '主播开播成交，或在「业绩排名」导入其他渠道的销售后，这里显示本月前五名。',
      h('a', { class: 'btn', href: '#/rankings' }, '去业绩排名'));
  }
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '本月主播排名' },
      h('thead', {}, h('tr', {}, ['排名', '主播', '净成交额', '订单', '环比'].map((t) => h('th', {}, t)))),
      h('tbody', {}, value.items.map((r) => h('tr', {},
        h('td', { 'data-label': '排名' }, r.rank),
        h('td', { 'data-label': '主播' }, r.name ?? '—'),
        h('td', { 'data-label': '净成交额', class: 'num' }, yuan(r.netFen)),
        h('td', { 'data-label': '订单', class: 'num' }, count(r.orders)),
        h('td', { 'data-label': '环比' }, growthTag(r.growth)))))));
}

/** The list endpoint's total answers "how many": one page of size 1 per role and status, all at once. */
async function countAccounts() {
  const { counts: rows } = await api.get('/account-counts');
  const counts = Object.fromEntries(ROLES.map((role) => [role, { active: 0, disabled: 0 }]));
  for (const { role, status, total } of rows) if (counts[role]) counts[role][status] = total;
  return counts;
}

/** Accounts per role as stacked bars, enabled then disabled, scaled to the largest role; the table below has the figures. */
function accountBars(counts) {
  const largest = Math.max(1, ...ROLES.map((role) => counts[role].active + counts[role].disabled));
  const width = (n) => `width:${(100 * n) / largest}%`;
  return h('div', { class: 'bars', role: 'img', 'data-testid': 'accounts-chart',
    'aria-label': `各角色账号数量：${ROLES.map((role) =>
      `${roleLabel(role)}启用 ${counts[role].active} 个、停用 ${counts[role].disabled} 个`).join('；')}` },
  h('div', { class: 'bars-legend' }, h('span', { class: 'key on' }, '启用'), h('span', { class: 'key off' }, '停用')),
  ROLES.map((role) => h('div', { class: 'bar-row', title: `${roleLabel(role)}：启用 ${counts[role].active}，停用 ${counts[role].disabled}` },
    h('span', { class: 'bar-label' }, roleLabel(role)),
    h('span', { class: 'bar-track' },
      h('span', { class: 'bar on', style: width(counts[role].active) }),
      h('span', { class: 'bar off', style: width(counts[role].disabled) })),
    h('span', { class: 'bar-value' }, counts[role].active + counts[role].disabled))));
}

function countsTable(counts) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data', 'aria-label': '各角色账号数量' },
      h('thead', {}, h('tr', {}, h('th', {}, '角色'), h('th', {}, '启用'), h('th', {}, '停用'))),
      h('tbody', {}, ROLES.map((role) => h('tr', {},
        h('td', {}, roleLabel(role)), h('td', {}, counts[role].active), h('td', {}, counts[role].disabled))))));
}
