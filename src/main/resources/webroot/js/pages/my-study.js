// 学习进度 (streamers): my points, streak and what remains, every study item with whether I finished it, and
// studying an item here: its text or link opens, heartbeats time it, and it completes by its duration or its quiz.
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

  // The open item beats every 30 s; the server times the study by its own clock, so the page never sends minutes.
  let open = null;

  function row(item, done) {
    const button = h('button', { class: 'btn small primary', type: 'button' }, done ? '再次学习' : '开始学习');
    const panel = h('div', { class: 'study-panel', 'data-testid': `study-panel-${item.id}` });
    button.addEventListener('click', () => openItem(item, panel));
    return h('tr', { dataset: { item: item.id } },
      h('td', { 'data-label': '内容' }, item.title, panel),
      h('td', { 'data-label': '类型' }, label(STUDY_KINDS, item.kind)),
      h('td', { 'data-label': '时长' }, `${item.minutes} 分钟${item.classHours ? ` / ${item.classHours} 学时` : ''}`),
      h('td', { 'data-label': '积分' }, item.points),
      h('td', { 'data-label': '我的进度' }, done ? h('span', { class: 'tag active' }, '已完成') : h('span', { class: 'tag warn' }, '未完成')),
      h('td', { class: 'actions record-progress' }, button));
  }

  async function openItem(item, panel) {
    close();
    const timer = h('span', { class: 'study-timer' }, '已学习 0 分钟');
    const choices = (item.quiz ?? []).map((q, i) => h('fieldset', {}, h('legend', {}, q.question),
      q.options.map((o, k) => h('label', {}, h('input', { type: 'radio', name: `quiz-${item.id}-${i}`, value: k }), ' ', o))));
    const finish = h('button', { class: 'btn small primary', type: 'button' }, item.quiz?.length ? '提交测验' : '学完');
    const stop = h('button', { class: 'btn small', type: 'button' }, '结束学习');
    mount(panel,
      item.body ? h('div', { class: 'study-body' }, item.body) : null,
      item.contentUrl ? h('a', { href: item.contentUrl, target: '_blank', rel: 'noopener' }, '打开学习内容') : null,
      ...choices, h('div', {}, timer, ' ', finish, ' ', stop));
    const beat = async () => {
      if (!panel.isConnected) { close(); return; }
      try {
        const r = await api.post(`/study/items/${item.id}/heartbeat`, {});
        timer.textContent = `已学习 ${Math.floor(r.seconds / 60)} 分钟（需 ${Math.ceil(r.requiredSeconds / 60)} 分钟${r.quiz ? '，或答对测验' : ''}）`;
      } catch (error) {
        mount(messages, errorNotice(error));
      }
    };
    open = { panel, interval: setInterval(beat, 30000) };
    await beat();
    const record = async (completed, button) => {
      const answers = choices.map((f) => Number(f.querySelector('input:checked')?.value ?? -1));
      try {
        const body = { itemId: item.id, completed };
        if (completed && answers.length) body.answers = answers;
        const result = await busy(button, () => api.post('/study/progress', body));
        close();
        await refresh();
        mount(messages, notice('success', outcome(item, result)));
      } catch (error) {
        mount(messages, errorNotice(error));
      }
    };
    finish.addEventListener('click', () => record(true, finish));
    stop.addEventListener('click', () => record(false, stop));
  }

  function close() {
    if (!open) return;
    clearInterval(open.interval);
    mount(open.panel);
    open = null;
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
  if (!r.completed) return `${what}。学满时长（或答对测验）后点「学完」即可获得积分。`;
  if (r.pointsCapped) return `${what}，获得 ${r.pointsAwarded} 积分（已达今日该类学习上限 ${r.actionCap} 分或每日上限 ${r.dailyCap} 分）。`;
  return `${what}，获得 ${r.pointsAwarded} 积分，今日共 ${r.pointsThatDay} 分。`;
}
