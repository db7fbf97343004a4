// The sessions list both 直播场次 (managers: every streamer) and 我的直播 (a streamer: their own) are built on:
// status filter and paging, scheduling, start and end, settled results of ended sessions. The page modules
// add what only their role has (the big-screen link, the streamer's live counters).
import { h, mount } from './dom.js';
import * as api from './api.js';
import { busy, confirm, dateTime, empty, errorNotice, loading, notice, pager } from './ui.js';
import { scheduleForm } from './schedule-form.js';
import { count, duration, percent, STATUS_LABELS, yuan } from './live.js';
import { productFigures } from './live-products.js';

const PAGE_SIZE = 20;

/**
 * Renders the list into `root`. Options: `title`; `top` shown under the title; `streamers` (accounts to schedule for, managers only);
 * `liveActions(session)` extra controls of a live row; `onChange()` after a start, end or schedule.
 * Returns { reload }.
 */
export function sessionList(root, { title, top = null, streamers, liveActions = () => null, onChange = () => {} }) {
  const filter = { status: '', page: 1 };
  const messages = h('div', { 'data-testid': 'session-messages' });
  const listArea = h('div', {});
  const details = h('div', {});
  const form = scheduleForm(streamers, (created) => {
    form.hidden = true;
    mount(messages, notice('success', `已安排直播「${created.title}」。`));
    changed();
  });
  form.hidden = true;

  const status = h('select', { 'aria-label': '按状态筛选' },
    h('option', { value: '' }, '全部状态'),
    Object.entries(STATUS_LABELS).map(([value, label]) => h('option', { value }, label)));
  status.addEventListener('change', () => {
    filter.status = status.value;
    filter.page = 1;
    load();
  });

  mount(root,
    h('div', { class: 'page-head' },
      h('h1', {}, title),
      h('button', { class: 'btn primary', type: 'button', onclick: () => { form.hidden = !form.hidden; } }, '安排直播')),
    top,
    messages,
    form,
    h('section', { class: 'card' }, h('div', { class: 'filters' }, status), listArea),
    details);

  function changed() {
    load();
    onChange();
  }

  function toPage(page) {
    filter.page = page;
    load();
  }

  async function load() {
    mount(listArea, loading('正在加载直播场次…'));
    try {
      const result = await api.get('/live/sessions', { status: filter.status, page: filter.page, size: PAGE_SIZE });
      mount(listArea, result.items.length ? table(result.items) : emptyList(), pager(result, '场', toPage));
    } catch (error) {
      mount(listArea, errorNotice(error));
    }
  }

  function emptyList() {
    return filter.status
      ? empty(`没有${STATUS_LABELS[filter.status]}的场次`, '换一个状态筛选，或选择「全部状态」。')
      : empty('还没有直播场次', '点击右上角「安排直播」，从选品单中挑选商品、填写时间后即可开播。');
  }

  function table(items) {
    const heads = ['标题', streamers ? '主播' : null, '计划时间', '状态', '操作'].filter(Boolean);
    return h('div', { class: 'table-wrap' },
      h('table', { class: 'data stack', 'aria-label': '直播场次列表' },
        h('thead', {}, h('tr', {}, heads.map((t) => h('th', {}, t)))),
        h('tbody', {}, items.map(row))));
  }

  function row(s) {
    return h('tr', { dataset: { sessionId: s.id, status: s.status } },
      h('td', { 'data-label': '标题' }, s.title),
      streamers ? h('td', { 'data-label': '主播' }, s.streamerName ?? `#${s.streamerAccountId}`) : null,
      h('td', { 'data-label': '计划时间' }, `${dateTime(s.plannedStart)} 至 ${dateTime(s.plannedEnd)}`),
      h('td', { 'data-label': '状态' }, h('span', { class: `tag ${s.status}` }, STATUS_LABELS[s.status] ?? s.status)),
      h('td', { class: 'actions' }, actions(s)));
  }

  function actions(s) {
    if (s.status === 'scheduled') {
      return button('开播', () => act(s, 'start', `已开播「${s.title}」。`));
    }
    if (s.status === 'live') {
      return [liveActions(s), button('结束直播', async () => {
        if (await confirm(`结束直播「${s.title}」？结束后将结算本场数据，不能再开播。`, '结束直播')) {
          await act(s, 'end', `「${s.title}」已结束，结算结果见下方。`, true);
        }
      })];
    }
    return button('结算结果', () => showResults(s.id));
  }

  function button(label, work) {
    const b = h('button', { class: 'btn small', type: 'button' }, label);
    b.addEventListener('click', () => busy(b, work));
    return b;
  }

  async function act(s, verb, done, thenResults = false) {
    try {
      await api.post(`/live/sessions/${s.id}/${verb}`);
      mount(messages, notice('success', done));
      // the end answer is the session itself; its settled figures are read back like any ended session's
      if (thenResults) await showResults(s.id);
      changed();
    } catch (error) {
      mount(messages, errorNotice(error));
    }
  }

  async function showResults(id) {
    mount(details, loading('正在加载结算结果…'));
    try {
      mount(details, resultsCard(await api.get(`/live/sessions/${id}`)));
      details.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      mount(details, errorNotice(error));
    }
  }


  load();
  return { reload: load };
}

const RESULT_ROWS = [
  ['成交额 GMV', (r) => yuan(r.gmvFen)],
  ['退款', (r) => yuan(r.refundFen)],
  ['净成交额', (r) => yuan(r.netGmvFen)],
  ['订单数', (r) => count(r.orders)],
  ['下单人数', (r) => count(r.buyers)],
  ['峰值在线', (r) => count(r.peakViewers)],
  ['累计观看人数', (r) => count(r.uniqueViewers)],
  ['观看次数', (r) => count(r.views)],
  ['点赞', (r) => count(r.likes)],
  ['新增粉丝', (r) => count(r.newFans)],
  ['评论', (r) => count(r.comments)],
  ['分享', (r) => count(r.shares)],
  ['平均观看时长', (r) => duration(r.avgWatchSeconds)],
  ['转化率', (r) => percent(r.conversionBp)],
  ['UV 价值', (r) => yuan(r.uvValueFen)],
  ['GPM 千次观看成交额', (r) => yuan(r.gpmFen)],
];

/** The settled figures PostgreSQL keeps for an ended session. */
function resultsCard(s) {
  const r = s.results;
  return h('section', { class: 'card', 'data-testid': 'session-results' },
    h('div', { class: 'card-head' }, h('h2', {}, `结算结果 · ${s.title}`),
      h('span', { class: 'hint' }, `${dateTime(s.startedAt)} 至 ${dateTime(s.endedAt)}`)),
    r
      ? [h('dl', { class: 'figures' }, RESULT_ROWS.map(([label, format]) => h('div', {}, h('dt', {}, label), h('dd', {}, format(r))))),
        h('h3', {}, '分商品成交'), settledProducts(r.products)]
      : empty('结算尚未完成', '本场刚结束，结算完成后再点「结算结果」查看。'));
}

function settledProducts(products) {
  const table = productFigures('session-results', { settled: true });
  table.update(products);
  return table.el;
}
