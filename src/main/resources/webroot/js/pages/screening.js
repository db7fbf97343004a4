// 红色直播间筛选 (managers): find a streamer in the talent pool, record an assessment (conduct and ideology against
// the Party-member standard, business capability, decision) and read the history. Admission puts the streamer into
// a red room; rejection returns them to the pool (#/screening?streamer=<id> opens one).
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { routeParams } from '../router.js';
import { busy, empty, errorNotice, field, loading, notice, pager, showFieldErrors } from '../ui.js';
import { DECISIONS, label, STREAMER_STATUS, tag, today, who } from '../people.js';

const PAGE_SIZE = 15;
const SCORES = [['5', '5 优秀'], ['4', '4 良好'], ['3', '3 合格'], ['2', '2 较差'], ['1', '1 不合格']];

export async function render(root) {
  const filter = { status: 'pool', q: '', page: 1 };
  const listArea = h('div', {});
  const detail = h('div', {});

  const status = h('select', { 'aria-label': '按状态筛选' },
    h('option', { value: '' }, '全部主播'),
    Object.entries(STREAMER_STATUS).map(([v, text]) => h('option', { value: v, selected: v === filter.status }, text)));
  const q = h('input', { type: 'search', placeholder: '姓名或艺名', maxlength: 40, 'aria-label': '搜索姓名或艺名' });
  const search = h('form', { class: 'filters', role: 'search' }, status, q, h('button', { class: 'btn', type: 'submit' }, '查询'));
  const apply = () => { filter.status = status.value; filter.q = q.value.trim(); filter.page = 1; load(); };
  status.addEventListener('change', apply);
  search.addEventListener('submit', (e) => { e.preventDefault(); apply(); });

  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '红色直播间筛选')),
    h('p', { class: 'hint' }, '层层筛选：按党员标准评估品行与思想，并评估直播业务能力。准入后主播进入红色直播间在岗。'),
    h('div', { class: 'split' },
      h('section', { class: 'card' }, h('h2', {}, '主播'), search, listArea),
      detail));

  const chosen = Number(routeParams().get('streamer')) || null;
  if (chosen) open(chosen);
  else mount(detail, h('section', { class: 'card' }, empty('请选择一位主播', '在左侧列表中点击主播，查看筛选记录并录入新的评估。')));
  await load();

  async function load() {
    mount(listArea, loading('正在加载主播…'));
    try {
      const result = await api.get('/streamers', { status: filter.status, q: filter.q, page: filter.page, size: PAGE_SIZE });
      mount(listArea, result.items.length ? list(result.items) : emptyList(),
        pager(result, '位主播', (p) => { filter.page = p; load(); }));
    } catch (error) {
      mount(listArea, errorNotice(error));
    }
  }

  function emptyList() {
    return filter.status || filter.q
      ? empty('没有符合条件的主播', '换一个状态，或清空搜索框后重新查询。')
      : empty('人才库里还没有主播', '先到「主播与团队」添加主播，再回到这里录入筛选评估。', h('a', { class: 'btn', href: '#/streamers' }, '去添加主播'));
  }

  function list(items) {
    return h('ul', { class: 'pick-list', 'aria-label': '主播列表' }, items.map((s) => h('li', {},
      h('button', { class: 'btn link', type: 'button', onclick: () => open(s.id) }, who(s)),
      ' ', tag(STREAMER_STATUS, s.status), h('span', { class: 'hint' }, ` ${s.teamName ?? '未分队'}`))));
  }

  async function open(id) {
    mount(detail, h('section', { class: 'card' }, loading('正在加载筛选记录…')));
    try {
      const [streamer, history] = await Promise.all([api.get(`/streamers/${id}`), api.get(`/streamers/${id}/screenings`)]);
      const messages = h('div', { 'data-testid': 'screening-messages' });
      mount(detail, h('section', { class: 'card', 'aria-label': '筛选记录', 'data-testid': 'screening-detail' },
        h('div', { class: 'card-head' }, h('h2', {}, `筛选：${who(streamer)}`), tag(STREAMER_STATUS, streamer.status)),
        messages,
        streamer.status === 'left' ? notice('info', '该主播已离开基地，不能再录入评估。') : assessmentForm(streamer, async (saved) => {
          await open(id);
          detail.querySelector('[data-testid="screening-messages"]')
            ?.replaceChildren(notice('success', `已记录评估：${label(DECISIONS, saved.decision)}。`));
          load();
        }),
        h('h3', {}, '历次评估'),
        historyTable(history.items)));
    } catch (error) {
      mount(detail, h('section', { class: 'card' }, errorNotice(error)));
    }
  }
}

function assessmentForm(streamer, onSaved) {
  const errors = h('div', {});
  const button = h('button', { class: 'btn primary', type: 'submit' }, '保存评估');
  const form = h('form', { novalidate: true, 'aria-label': '录入筛选评估' },
    errors,
    h('div', { class: 'form-grid' },
      field({ label: '品行与思想（对照党员标准）', name: 'conductScore', options: SCORES, value: '4' }),
      field({ label: '直播业务能力', name: 'businessScore', options: SCORES, value: '4' }),
      field({ label: '结论', name: 'decision', options: Object.entries(DECISIONS), value: 'admit' }),
      field({ label: '评估日期', name: 'assessedOn', type: 'date', value: today() })),
    field({ label: '评语（可选）', name: 'notes' }),
    h('div', { class: 'form-actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(errors);
    const v = (name) => form.querySelector(`[name="${name}"]`).value.trim();
    const body = {
      conductScore: Number(v('conductScore')), businessScore: Number(v('businessScore')), decision: v('decision'), notes: v('notes'),
    };
    if (v('assessedOn')) body.assessedOn = v('assessedOn');
    try {
      const saved = await busy(button, () => api.post(`/streamers/${streamer.id}/screenings`, body));
      await onSaved(saved);
    } catch (error) {
      showFieldErrors(form, error, { 'date-in-future': 'assessedOn' });
      mount(errors, errorNotice(error));
    }
  });
  return form;
}

function historyTable(items) {
  if (!items.length) return empty('还没有筛选记录', '填写上面的表单，录入第一次评估。');
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '历次评估' },
      h('thead', {}, h('tr', {}, ['日期', '品行与思想', '业务能力', '结论', '评语', '评估人'].map((t) => h('th', {}, t)))),
      h('tbody', {}, items.map((s) => h('tr', {},
        h('td', { 'data-label': '日期' }, s.assessedOn),
        h('td', { 'data-label': '品行与思想' }, `${s.conductScore} 分`),
        h('td', { 'data-label': '业务能力' }, `${s.businessScore} 分`),
        h('td', { 'data-label': '结论' }, h('span', { class: `tag decision ${s.decision}` }, label(DECISIONS, s.decision))),
        h('td', { 'data-label': '评语' }, s.notes || '—'),
        h('td', { 'data-label': '评估人' }, s.assessorName))))));
}
