// 总览 (managers), their landing page: today's live GMV, the rooms live now with their big screens, the base's
// standing goals as progress, today's GMV hour by hour against yesterday, who moved most this month (红涨绿跌), what
// waits for the manager (products to review, overdue Party steps, streamers behind target) and this month's leaders.
// Every figure comes from its own request, all sent at once; one that fails shows its error in its own place
// and the rest of the page still loads (the overview is measured: it must stay under a second). It draws no chart
// library: that library's first run alone took 0.35-0.45 s of a slow machine's second. The account counts are on
// the accounts page.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { empty, errorNotice, loading } from '../ui.js';
import { attainmentBar, count, growthTag, yuan } from '../sales.js';
import { wanYuan } from '../live.js';

const TOP = 5;

export async function render(root) {
  // every request goes out at once; meanwhile the page's frame is shown, so that only the figures remain to fill in
  // when the answers arrive
  const answers = Promise.all([
    settled(api.get('/live/leaderboard')), settled(api.get('/goals')),
    settled(api.get('/reports/rankings', { limit: TOP })),
    settled(api.get('/live/sessions', { status: 'live', size: LIVE_SHOWN })),
    settled(api.get('/reviews/products', { size: 1 })),
    settled(api.get('/party/due', { status: 'overdue', size: 1 })),
    settled(api.get('/reports/gmv-by-hour')), settled(api.get('/reports/movers')),
    settled(api.get('/reports/behind-target'))]);
  const stats = h('div', { class: 'stats' }, ['今日直播 GMV', '正在直播', '基地目标完成进度', '待处理'].map((label) =>
    h('div', { class: 'stat' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, '…'))));
  const ranking = h('div', {}, loading('正在加载本月排名…'));
  const liveNow = h('div', {}, loading('正在加载直播中的场次…'));
  const todo = h('div', {}, loading('正在汇总待办…'));
  const hourly = h('div', { class: 'hourly-chart' }, loading('正在加载今日每小时成交额…'));
  const goalsCard = h('div', {}, loading('正在加载基地目标…'));
  const movers = h('div', { class: 'movers' }, loading('正在比较本月涨跌…'));
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '总览')),
    stats,
    h('div', { class: 'overview-grid' },
      h('section', { class: 'card', 'data-testid': 'overview-hourly' },
        h('div', { class: 'card-head' }, h('h2', {}, '今日每小时成交额'), h('span', { class: 'hint' }, '对比昨日同一小时')),
        hourly),
      h('section', { class: 'card', 'data-testid': 'overview-goals' },
        h('div', { class: 'card-head' }, h('h2', {}, '基地目标'), h('a', { href: '#/enterprises' }, '入驻企业增长 →')),
        goalsCard)),
    h('section', { class: 'card', 'data-testid': 'overview-movers' },
      h('div', { class: 'card-head' }, h('h2', {}, '本月涨跌最多'), h('span', { class: 'hint' }, '净成交额较上月同期')),
      movers),
    h('div', { class: 'overview-grid' },
      h('section', { class: 'card', 'data-testid': 'overview-live' },
        h('div', { class: 'card-head' }, h('h2', {}, '正在直播'), h('a', { href: '#/sessions' }, '全部场次 →')),
        liveNow),
      h('section', { class: 'card', 'data-testid': 'overview-todo' },
        h('div', { class: 'card-head' }, h('h2', {}, '需要您处理')),
        todo)),
    h('section', { class: 'card', 'data-testid': 'overview-ranking' },
      h('div', { class: 'card-head' }, h('h2', {}, '本月主播排名'), h('a', { href: '#/rankings' }, '查看完整排名 →')),
      ranking));

  const [live, goals, top, sessions, reviews, overdue, byHour, moved, behind] = await answers;
  const behindStreamers = behind.error ? behind
    : { value: { total: behind.value.items.filter((t) => t.scope === 'streamer').length } };
  const waiting = [reviews, overdue, behindStreamers].reduce((sum, a) => sum + (a.value?.total ?? 0), 0);
  mount(stats,
    liveStat(live),
    h('div', { class: 'stat' },
      h('div', { class: 'label' }, '正在直播'),
      sessions.error ? errorNotice(sessions.error)
        : h('div', { class: 'value', 'data-testid': 'live-now-count' }, count(sessions.value.total ?? sessions.value.items.length)),
      h('div', { class: 'hint' }, '场直播进行中')),
    goalsStat(goals),
    h('div', { class: 'stat' },
      h('div', { class: 'label' }, '待处理'),
      h('div', { class: 'value', 'data-testid': 'todo-count' }, count(waiting)),
      h('div', { class: 'hint' }, waiting ? '见下方「需要您处理」' : '没有待处理的事项')));
  mount(liveNow, liveList(sessions));
  mount(todo, todoList(reviews, overdue, behindStreamers));
  mount(hourly, hourlyChart(byHour));
  mount(goalsCard, goalsProgress(goals));
  mount(movers, moversView(moved));
  mount(ranking, rankingView(top));
}

const LIVE_SHOWN = 8;

/** The rooms live now, each with the link to its big screen. */
function liveList({ value, error }) {
  if (error) return errorNotice(error);
  if (!value.items.length) {
    return empty('现在没有直播中的场次', '主播开播后，这里列出每个直播间和它的大屏。',
      h('a', { class: 'btn', href: '#/sessions' }, '去安排直播'));
  }
  return h('ul', { class: 'link-list', 'aria-label': '直播中的场次' }, value.items.map((s) => h('li', {},
    h('span', { class: 'tag live' }, '直播中'),
    h('span', { class: 'name' }, `${s.title} · ${s.streamerName ?? ''}`),
    h('a', { href: `#/big-screen?session=${s.id}` }, '打开大屏 →'))));
}

/** What waits for the manager: each with how many and the page that deals with it. */
function todoList(reviews, overdue, behind) {
  const rows = [
    [reviews, '件商品等待审核', '#/product-review', '去审核'],
    [overdue, '项党员发展事项已逾期', '#/party', '去处理'],
    [behind, '位主播本月进度落后于目标', '#/rankings', '去查看'],
  ];
  return h('ul', { class: 'link-list', 'aria-label': '需要您处理' }, rows.map(([{ value, error }, what, href, go]) =>
    h('li', {}, error ? errorNotice(error) : [
      h('span', { class: `todo-count${value.total ? ' due' : ''}` }, count(value.total)),
      h('span', { class: 'name' }, what),
      value.total ? h('a', { href }, `${go} →`) : h('span', { class: 'hint' }, '无')])));
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


/**
 * Today's GMV hour by hour (red) beside yesterday's (grey), bars drawn as they are: hours still to come have no bar,
 * not a zero, and the hour running now is hatched and labelled 进行中 rather than read as a dive.
 */
function hourlyChart({ value, error }) {
  if (error) return errorNotice(error);
  const top = Math.max(1, ...value.hours.map((x) => Math.max(x.todayFen ?? 0, x.yesterdayFen)));
  const height = (fen) => `height:${(fen / top) * 100}%`;
  const summary = `今日截至 ${value.partialHour + 1} 时成交 ${yuan(value.todayFen)}，昨日同时段 ${yuan(value.yesterdaySameTimeFen)}，`
    + `昨日全天 ${yuan(value.yesterdayFen)}`;
  return [
    h('div', { class: 'hourly-totals' },
      h('span', {}, '今日至今 ', h('strong', { 'data-testid': 'hourly-today' }, wanYuan(value.todayFen))),
      h('span', {}, '昨日同时段 ', h('strong', {}, wanYuan(value.yesterdaySameTimeFen))),
      h('span', { class: 'legend' }, h('i', { class: 'swatch today' }), '今日', h('i', { class: 'swatch yesterday' }), '昨日',
        h('i', { class: 'swatch partial' }), '进行中')),
    h('div', { class: 'hour-bars', role: 'img', 'aria-label': summary }, value.hours.map((x) => {
      const partial = x.hour === value.partialHour;
      const label = `${x.hour} 时：今日 ${x.todayFen === null ? '未到' : yuan(x.todayFen)}${partial ? '（进行中）' : ''}，昨日 ${yuan(x.yesterdayFen)}`;
      return h('div', { class: `hour${partial ? ' partial' : ''}`, title: label, 'data-hour': x.hour },
        h('div', { class: 'pair' },
          h('div', { class: 'bar yesterday', style: height(x.yesterdayFen) }),
          x.todayFen === null ? null : h('div', { class: `bar today${partial ? ' partial' : ''}`, style: height(x.todayFen) })),
        h('div', { class: 'hour-label' }, partial ? '进行中'
          : x.hour % 3 === 0 && Math.abs(x.hour - value.partialHour) > 1 ? `${x.hour}时` : ''));
    })),
  ];
}

/** The base's four standing goals, each as how far it has come toward its target. */
function goalsProgress({ value, error }) {
  if (error) return errorNotice(error);
  return h('ul', { class: 'goal-list', 'aria-label': '基地目标' }, value.goals.map((g) => h('li', { 'data-goal': g.key },
    h('div', { class: 'goal-head' }, h('span', { class: 'name' }, g.title),
      h('span', { class: `goal-figure${g.met ? ' met' : ''}` }, `${count(g.actual)} / ${count(g.target)}${g.met ? ' · 已达成' : ''}`)),
    attainmentBar(g.target ? Math.round((g.actual / g.target) * 10000) : null, { label: g.title }))));
}

/** Rises and falls of streamers and teams: 红涨绿跌, ▲ in red, ▼ in green, the change in yuan and in percent. */
function moversView({ value, error }) {
  if (error) return errorNotice(error);
  const column = (title, moved, link) => h('div', { class: 'movers-column' },
    h('h3', {}, title),
    !moved.rises.length && !moved.falls.length ? h('p', { class: 'hint' }, '本月与上月同期相比还没有变化')
      : h('ul', { class: 'link-list', 'aria-label': `${title}涨跌` }, [...moved.rises, ...moved.falls].map((r) => h('li', {},
        h('span', { class: 'name', title: r.name }, link(r) ? h('a', { href: link(r) }, r.name) : r.name),
        h('span', { class: `growth change ${r.changeFen > 0 ? 'up' : 'down'}` },
          `${r.changeFen > 0 ? '▲' : '▼'} ${wanYuan(Math.abs(r.changeFen))}`),
        growthTag(r.growth)))));
  return [
    column('主播', value.streamers, (r) => (r.streamerId ? `#/streamers?id=${r.streamerId}` : null)),
    column('团队', value.teams, (r) => `#/streamers?team=${r.teamId}`),
  ];
}
