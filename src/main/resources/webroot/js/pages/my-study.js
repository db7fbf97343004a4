// 学习进度 (streamers): my points, streak and what remains, every study item with whether I finished it, and
// recording what I studied (minutes, finished or not). Points come on an item's first completion, at most 30 a day.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { busy, empty, errorNotice, loading, notice } from '../ui.js';
import { studySummaryView } from '../study-view.js';
import { label, STUDY_KINDS } from '../people.js';

export async function render(root) {
  const head = h('div', { class: 'page-head' }, h('h1', {}, '学习进度'));
  mount(root, head, loading('正在加载…'));
  let me;
  try {
    me = await api.get('/me/streamer');
  } catch (error) {
    if (error.status !== 404) throw error;
    mount(root, head, h('section', { class: 'card' },
      empty('您的账号还没有主播档案', '请联系基地管理员在「主播与团队」中为您建立主播档案并关联此账号，之后即可在这里学习和积分。')));
    return;
  }
  const messages = h('div', { 'data-testid': 'study-messages' });
  const summaryArea = h('div', {});
  const itemsArea = h('div', {});
  mount(root, head,
    h('section', { class: 'card', 'aria-label': '我的学习' }, h('h2', {}, `${me.stageName} 的学习`), summaryArea),
    messages,
    h('section', { class: 'card', 'aria-label': '学习内容' }, h('h2', {}, '学习内容'), itemsArea));
  await refresh();

  async function refresh() {
    const summary = await studySummaryView(summaryArea, me.id, { mine: true });
    await loadItems(summary);
  }

  async function loadItems(summary) {
    mount(itemsArea, loading('正在加载学习内容…'));
    try {
      const items = await allItems();
      if (!items.length) {
        mount(itemsArea, empty('学习角还没有学习内容', '基地管理员发布文章、视频或课程后，您可以在这里学习并记录进度。'));
        return;
      }
      const remaining = new Set((summary?.remaining ?? []).map((i) => i.id));
      mount(itemsArea, h('div', { class: 'table-wrap' },
        h('table', { class: 'data stack', 'aria-label': '学习内容列表' },
          h('thead', {}, h('tr', {}, ['内容', '类型', '时长', '积分', '我的进度', ''].map((t) => h('th', {}, t)))),
          h('tbody', {}, items.map((item) => row(item, !remaining.has(item.id)))))));
    } catch (error) {
      mount(itemsArea, errorNotice(error));
    }
  }

  function row(item, done) {
    const minutes = h('input', { type: 'number', min: 0, max: 600, value: item.minutes, 'aria-label': `「${item.title}」学习分钟数`, class: 'minutes' });
    const finished = h('input', { type: 'checkbox', checked: !done, 'aria-label': `「${item.title}」已学完` });
    const button = h('button', { class: 'btn small primary', type: 'button' }, '记录学习');
    button.addEventListener('click', async () => {
      try {
        const result = await busy(button, () => api.post('/study/progress',
          { itemId: item.id, minutes: Number(minutes.value || 0), completed: finished.checked }));
        await refresh();
        mount(messages, notice('success', outcome(item, result)));
      } catch (error) {
        mount(messages, errorNotice(error));
      }
    });
    return h('tr', { dataset: { item: item.id } },
      h('td', { 'data-label': '内容' }, item.title),
      h('td', { 'data-label': '类型' }, label(STUDY_KINDS, item.kind)),
      h('td', { 'data-label': '时长' }, `${item.minutes} 分钟${item.classHours ? ` / ${item.classHours} 学时` : ''}`),
      h('td', { 'data-label': '积分' }, item.points),
      h('td', { 'data-label': '我的进度' }, done ? h('span', { class: 'tag active' }, '已完成') : h('span', { class: 'tag warn' }, '未完成')),
      h('td', { class: 'actions record-progress' },
        h('label', {}, minutes, ' 分钟'), ' ', h('label', {}, finished, ' 学完'), ' ', button));
  }
}

/** Every published item, newest first (a study corner holds dozens, so a few pages at most). */
async function allItems() {
  const items = [];
  for (let page = 1; page <= 20; page++) {
    const result = await api.get('/study/items', { size: 200, page });
    items.push(...result.items);
    if (items.length >= result.total || !result.items.length) break;
  }
  return items.reverse();
}

function outcome(item, r) {
  const what = `已记录「${item.title}」学习 ${r.minutes} 分钟`;
  if (r.alreadyCompleted) return `${what}。该内容此前已完成，不重复计分。`;
  if (!r.completed) return `${what}。学完后勾选「学完」即可获得积分。`;
  if (r.pointsCapped) return `${what}，获得 ${r.pointsAwarded} 积分（今日已达每日上限 ${r.dailyCap} 分）。`;
  return `${what}，获得 ${r.pointsAwarded} 积分，今日共 ${r.pointsThatDay} 分。`;
}
