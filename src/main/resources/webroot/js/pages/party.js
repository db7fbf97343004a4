// 党员发展 (managers): the board by stage with counts (base-wide or one team), what is due and overdue, counts per
// team, and one streamer's record with its dated steps and the form for the next step (#/party?streamer=<id>).
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { routeParams } from '../router.js';
import { empty, errorNotice, loading, pager } from '../ui.js';
import { allTeams } from '../people-api.js';
import { partyRecord } from '../party-record.js';
import { BOARD_STAGES, label, OBLIGATIONS, PHASES, STAGES, STEP_KINDS, who } from '../people.js';

const BOARD_SIZE = 6;
const DUE_PAGE = 10;

export async function render(root) {
  const streamerId = Number(routeParams().get('streamer')) || null;
  const teams = await allTeams();
  const state = { team: '', dueStatus: '', duePage: 1 };
  const recordArea = h('div', {});
  const countsArea = h('div', {});
  const boardArea = h('div', {});
  const stepsArea = h('div', {});
  const dueArea = h('div', {});
  const teamsArea = h('div', {});

  const teamSelect = h('select', { 'aria-label': '按团队筛选' },
    h('option', { value: '' }, '全部团队（全基地）'), teams.map((t) => h('option', { value: t.id }, t.name)));
  teamSelect.addEventListener('change', () => {
    state.team = teamSelect.value;
    state.duePage = 1;
    loadAll();
  });
  const dueSelect = h('select', { 'aria-label': '按到期状态筛选' },
    h('option', { value: '' }, '即将到期和已逾期'), h('option', { value: 'due' }, '即将到期（14 天内）'), h('option', { value: 'overdue' }, '已逾期'));
  dueSelect.addEventListener('change', () => {
    state.dueStatus = dueSelect.value;
    state.duePage = 1;
    loadDue();
  });

  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '党员发展'), h('div', { class: 'filters' }, teamSelect)),
    recordArea,
    countsArea,
    h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, '发展看板')), boardArea),
    h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, '二十五个步骤进度'),
      h('span', { class: 'hint' }, '按《中国共产党发展党员工作细则》五个阶段')), stepsArea),
    h('section', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, '待办：即将到期与已逾期'), dueSelect), dueArea),
    h('section', { class: 'card' }, h('h2', {}, '各团队人数'), teamsArea));

  if (streamerId) showRecord(streamerId);
  await loadAll();

  async function showRecord(id) {
    const body = h('div', {});
    mount(recordArea, h('section', { class: 'card record', 'aria-label': '发展记录', 'data-testid': 'party-record' },
      h('div', { class: 'card-head' }, h('h2', { 'data-testid': 'record-title' }, '发展记录'),
        h('a', { class: 'btn small', href: '#/party' }, '关闭')), body));
    api.get(`/streamers/${id}`).then((s) => {
      recordArea.querySelector('[data-testid="record-title"]').textContent = `发展记录：${who(s)}`;
    }).catch(() => {});
    await partyRecord(body, id, { canRecord: true, onChange: () => loadAll() });
  }

  async function loadAll() {
    await Promise.all([loadCounts(), loadBoard(), loadSteps(), loadDue()]);
  }

  async function loadCounts() {
    mount(countsArea, loading('正在统计…'));
    try {
      const counts = await api.get('/party/counts');
      const mine = state.team ? counts.teams.find((t) => String(t.teamId) === state.team)?.counts : counts.baseWide;
      const c = mine ?? {};
      mount(countsArea, h('div', { class: 'stats compact', 'data-testid': 'party-counts' },
        stat('已递交入党申请', c.applied ?? 0, '申请人及以后各阶段合计'),
        ['applicant', 'activist', 'development_target', 'probationary', 'full_member'].map((s) => stat(STAGES[s], c[s] ?? 0))));
      mount(teamsArea, teamTable(counts.teams));
    } catch (error) {
      mount(countsArea, errorNotice(error));
    }
  }

  async function loadBoard() {
    mount(boardArea, loading('正在加载看板…'));
    try {
      const columns = await Promise.all(BOARD_STAGES.map((stage) =>
        api.get('/party/records', { stage, team: state.team, size: BOARD_SIZE }).then((page) => ({ stage, page }))));
      mount(boardArea, h('div', { class: 'board', 'data-testid': 'party-board' }, columns.map(column)));
    } catch (error) {
      mount(boardArea, errorNotice(error));
    }
  }

  function column({ stage, page }) {
    return h('div', { class: 'board-column', dataset: { stage } },
      h('div', { class: 'board-head' }, h('span', {}, label(STAGES, stage)), h('span', { class: 'count' }, page.total)),
      page.items.length
        ? h('ul', {}, page.items.map((r) => h('li', {},
          h('a', { href: `#/party?streamer=${r.streamerId}` }, who(r)),
          r.furthestStep ? h('div', { class: 'step-at', 'data-testid': 'furthest-step' },
            `第 ${r.furthestStep.number} 步 ${label(STEP_KINDS, r.furthestStep.kind)} · ${r.furthestStep.on}`) : null,
          h('div', { class: 'hint' }, r.teamName ?? '未分队', r.nextDueOn ? ` · ${r.nextDueOn} 前有待办` : ''))))
        : h('div', { class: 'hint' }, '暂无'),
      page.total > page.items.length ? h('div', { class: 'hint' }, `另有 ${page.total - page.items.length} 人`) : null);
  }

  async function loadSteps() {
    mount(stepsArea, loading('正在统计各步骤…'));
    try {
      const counts = await api.get('/party/steps/counts', { team: state.team });
      mount(stepsArea, stepsTable(counts.steps));
    } catch (error) {
      mount(stepsArea, errorNotice(error));
    }
  }

  async function loadDue() {
    mount(dueArea, loading('正在加载待办…'));
    try {
      const result = await api.get('/party/due',
        { team: state.team, status: state.dueStatus, page: state.duePage, size: DUE_PAGE });
      mount(dueArea, result.items.length ? dueTable(result.items)
        : empty('没有即将到期或已逾期的事项', '谈话、考察、审批和转正都在期限内。记录新的步骤后，这里会列出下一项待办。'),
      pager(result, '项', (p) => { state.duePage = p; loadDue(); }));
    } catch (error) {
      mount(dueArea, errorNotice(error));
    }
  }
}

function stat(labelText, value, hint) {
  return h('div', { class: 'stat' }, h('div', { class: 'label' }, labelText), h('div', { class: 'value' }, value),
    hint ? h('div', { class: 'hint' }, hint) : null);
}

function dueTable(items) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '待办事项', 'data-testid': 'party-due' },
      h('thead', {}, h('tr', {}, ['主播', '团队', '事项', '期限', '状态'].map((t) => h('th', {}, t)))),
      h('tbody', {}, items.map((d) => h('tr', { dataset: { streamer: d.streamerId } },
        h('td', { 'data-label': '主播' }, h('a', { href: `#/party?streamer=${d.streamerId}` }, who(d))),
        h('td', { 'data-label': '团队' }, d.teamName ?? '未分队'),
        h('td', { 'data-label': '事项' }, label(OBLIGATIONS, d.kind)),
        h('td', { 'data-label': '期限' }, d.dueOn),
        h('td', { 'data-label': '状态' }, d.status === 'overdue'
          ? h('span', { class: 'tag overdue' }, `已逾期 ${d.daysOverdue} 天`)
          : h('span', { class: 'tag warn' }, '即将到期')))))));
}

/** The 25 steps under their five stages: who stands at each step, who has passed it, and when it was last taken. */
function stepsTable(steps) {
  const rows = [];
  let phase = null;
  for (const step of steps) {
    if (step.phase !== phase) {
      phase = step.phase;
      rows.push(h('tr', { class: 'group' }, h('th', { colspan: 5, scope: 'colgroup' }, PHASES[phase])));
    }
    rows.push(h('tr', { dataset: { step: step.kind } },
      h('td', { 'data-label': '步骤' }, `第 ${step.number} 步`),
      h('th', { scope: 'row', 'data-label': '事项' }, label(STEP_KINDS, step.kind)),
      h('td', { 'data-label': '处于此步' }, step.atStep),
      h('td', { 'data-label': '已完成此步' }, step.reached),
      h('td', { 'data-label': '最近一次' }, step.lastOn ?? '—')));
  }
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '二十五个步骤进度', 'data-testid': 'party-step-counts' },
      h('thead', {}, h('tr', {}, ['步骤', '事项', '处于此步（人）', '已完成此步（人）', '最近一次'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows)));
}

function teamTable(teams) {
  if (!teams.length) return empty('还没有主播', '先在「主播与团队」中添加主播并分配团队。');
  const stages = ['applicant', 'activist', 'development_target', 'probationary', 'full_member'];
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '各团队各阶段人数' },
      h('thead', {}, h('tr', {}, h('th', {}, '团队'), stages.map((s) => h('th', {}, STAGES[s])), h('th', {}, '已申请合计'))),
      h('tbody', {}, teams.map((t) => h('tr', {},
        h('td', { 'data-label': '团队' }, t.teamName ?? '未分队'),
        stages.map((s) => h('td', { 'data-label': STAGES[s] }, t.counts[s] ?? 0)),
        h('td', { 'data-label': '已申请合计' }, t.counts.applied ?? 0))))));
}
