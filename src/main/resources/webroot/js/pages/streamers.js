// 主播与团队 (managers). Three views on one page:
//   #/streamers            the talent pool (filters, paging, adding a streamer) and the teams
//   #/streamers?id=<id>    one streamer: profile, team and its history (moves), screening, Party stage, study, sales
//   #/streamers?team=<id>  one team: members, captain, and the team's study table with who is behind
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { routeParams } from '../router.js';
import {
  busy, dateTime, empty, errorNotice, field, formValues, loading, notice, pager, requireFilled, showFieldErrors,
} from '../ui.js';
import { allTeams } from '../people-api.js';
import { partyRecord } from '../party-record.js';
import { DECISIONS, label, STREAMER_STATUS, tag, today, who } from '../people.js';
import { studySummaryView } from '../study-view.js';
import { renderStreamerSales } from '../components/streamer-sales.js';

const PAGE_SIZE = 20;

export async function render(root) {
  const params = routeParams();
  const teams = await allTeams();
  if (params.get('id')) return streamerView(root, Number(params.get('id')), teams);
  if (params.get('team')) return teamView(root, Number(params.get('team')));
  return listView(root, teams);
}

// ---- the talent pool and the teams ----

async function listView(root, teams) {
  const filter = { team: '', status: '', q: '', page: 1 };
  const messages = h('div', { 'data-testid': 'streamer-messages' });
  const listArea = h('div', {});
  const create = createStreamerForm((created) => {
    create.hidden = true;
    mount(messages, notice('success', `已添加主播「${who(created)}」。`));
    load();
  });
  create.hidden = true;

  const team = h('select', { 'aria-label': '按团队筛选' },
    h('option', { value: '' }, '全部团队'), teams.map((t) => h('option', { value: t.id }, t.name)));
  const status = h('select', { 'aria-label': '按状态筛选' },
    h('option', { value: '' }, '全部状态'), Object.entries(STREAMER_STATUS).map(([v, t]) => h('option', { value: v }, t)));
  const q = h('input', { type: 'search', placeholder: '姓名或艺名', maxlength: 40, 'aria-label': '搜索姓名或艺名' });
  const filters = h('form', { class: 'filters', role: 'search' }, team, status, q, h('button', { class: 'btn', type: 'submit' }, '查询'));
  const apply = () => {
    Object.assign(filter, { team: team.value, status: status.value, q: q.value.trim(), page: 1 });
    load();
  };
  team.addEventListener('change', apply);
  status.addEventListener('change', apply);
  filters.addEventListener('submit', (e) => { e.preventDefault(); apply(); });

  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '主播与团队'),
      h('button', { class: 'btn primary', type: 'button', onclick: () => { create.hidden = !create.hidden; } }, '添加主播')),
    messages,
    create,
    h('section', { class: 'card' }, h('h2', {}, '主播人才库'), filters, listArea),
    teamsCard(teams));
  await load();

  async function load() {
    mount(listArea, loading('正在加载主播…'));
    try {
      const result = await api.get('/streamers',
        { team: filter.team, status: filter.status, q: filter.q, page: filter.page, size: PAGE_SIZE });
      mount(listArea, result.items.length ? streamerTable(result.items) : emptyList(),
        pager(result, '位主播', (p) => { filter.page = p; load(); }));
    } catch (error) {
      mount(listArea, errorNotice(error));
    }
  }

  function emptyList() {
    return filter.team || filter.status || filter.q
      ? empty('没有符合条件的主播', '调整上面的团队、状态或搜索条件后重新查询。')
      : empty('人才库里还没有主播', '点击右上角「添加主播」，录入姓名、艺名和出生日期。');
  }
}

function streamerTable(items) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '主播列表' },
      h('thead', {}, h('tr', {}, ['艺名', '姓名', '团队', '状态', '加入日期'].map((t) => h('th', {}, t)))),
      h('tbody', {}, items.map((s) => h('tr', { dataset: { streamer: s.id } },
        h('td', { 'data-label': '艺名' }, h('a', { href: `#/streamers?id=${s.id}` }, s.stageName)),
        h('td', { 'data-label': '姓名' }, s.realName),
        h('td', { 'data-label': '团队' }, s.teamId ? h('a', { href: `#/streamers?team=${s.teamId}` }, s.teamName) : '未分队'),
        h('td', { 'data-label': '状态' }, tag(STREAMER_STATUS, s.status)),
        h('td', { 'data-label': '加入日期' }, s.joinedOn))))));
}

function createStreamerForm(onCreated) {
  const errors = h('div', {});
  const button = h('button', { class: 'btn primary', type: 'submit' }, '添加');
  const form = h('form', { novalidate: true, 'aria-label': '添加主播' },
    errors,
    h('div', { class: 'form-grid' },
      field({ label: '姓名', name: 'realName', required: true }),
      field({ label: '艺名', name: 'stageName', required: true }),
      field({ label: '出生日期', name: 'birthDate', type: 'date', required: true }),
      field({ label: '加入基地日期', name: 'joinedOn', type: 'date', required: true, value: today() }),
      field({ label: '联系方式（可选）', name: 'contact' }),
      field({ label: '此前职业（可选）', name: 'previousOccupation' }),
      field({ label: '主播账号编号（可选）', name: 'accountId', type: 'number', hint: '在「账号管理」中为主播开通账号后填写，主播即可登录查看自己的学习与业绩' })),
    h('div', { class: 'form-actions' }, button));
  const card = h('section', { class: 'card', 'aria-label': '添加主播' }, h('h2', {}, '添加主播'), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(errors);
    if (!requireFilled(form)) return;
    const values = formValues(form);
    const body = {};
    for (const [k, v] of Object.entries(values)) if (v.trim() !== '') body[k] = k === 'accountId' ? Number(v) : v.trim();
    try {
      const created = await busy(button, () => api.post('/streamers', body));
      form.reset();
      onCreated(created);
    } catch (error) {
      showFieldErrors(form, error, { 'account-not-streamer': 'accountId', 'account-already-linked': 'accountId' });
      mount(errors, errorNotice(error));
    }
  });
  return card;
}

function teamsCard(teams) {
  const messages = h('div', {});
  const name = h('input', { name: 'name', maxlength: 40, placeholder: '新团队名称', 'aria-label': '新团队名称' });
  const button = h('button', { class: 'btn', type: 'submit' }, '新建团队');
  const form = h('form', { class: 'filters', 'aria-label': '新建团队' }, name, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!name.value.trim()) return mount(messages, notice('error', '请填写团队名称。'));
    try {
      const team = await busy(button, () => api.post('/teams', { name: name.value.trim() }));
      location.hash = `#/streamers?team=${team.id}`;
    } catch (error) {
      mount(messages, errorNotice(error));
    }
  });
  return h('section', { class: 'card', 'aria-label': '团队' },
    h('h2', {}, '团队'), messages, form,
    teams.length ? h('div', { class: 'table-wrap' },
      h('table', { class: 'data stack', 'aria-label': '团队列表' },
        h('thead', {}, h('tr', {}, ['团队', '队长', '人数'].map((t) => h('th', {}, t)))),
        h('tbody', {}, teams.map((t) => h('tr', {},
          h('td', { 'data-label': '团队' }, h('a', { href: `#/streamers?team=${t.id}` }, t.name)),
          h('td', { 'data-label': '队长' }, t.captainName ?? '未指定'),
          h('td', { 'data-label': '人数' }, t.members))))))
      : empty('还没有团队', '在上面填写名称新建团队，再把主播调入团队。'));
}

// ---- one streamer ----

async function streamerView(root, id, teams) {
  const streamer = await loadOne(root, `/streamers/${id}`, '正在加载主播档案…');
  if (!streamer) return;
  const teamArea = h('div', {});
  const partyArea = h('div', {});
  const studyArea = h('div', {});
  const screeningArea = h('div', {});
  const salesArea = h('div', {});
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '主播与团队'), backLink()),
    h('section', { class: 'card', 'aria-label': '档案', 'data-testid': 'streamer-profile' },
      h('div', { class: 'card-head' }, h('h2', {}, who(streamer)), tag(STREAMER_STATUS, streamer.status)),
      profile(streamer)),
    h('section', { class: 'card', 'aria-label': '销售业绩' }, h('h2', {}, '销售业绩'), salesArea),
    h('section', { class: 'card', 'aria-label': '团队' }, h('h2', {}, '团队与调队记录'), teamArea),
    h('section', { class: 'card', 'aria-label': '红色直播间筛选' },
      h('div', { class: 'card-head' }, h('h2', {}, '红色直播间筛选'),
        h('a', { class: 'btn small', href: `#/screening?streamer=${id}` }, '录入评估')), screeningArea),
    h('section', { class: 'card', 'aria-label': '党员发展' },
      h('div', { class: 'card-head' }, h('h2', {}, '党员发展'),
        h('a', { class: 'btn small', href: `#/party?streamer=${id}` }, '在党员发展中记录步骤')), partyArea),
    h('section', { class: 'card', 'aria-label': '学习进度' }, h('h2', {}, '学习进度'), studyArea));

  // the sales card draws a chart; the page hands its release back to the router for when the page goes away
  const [releaseSales] = await Promise.all([
    renderStreamerSales(salesArea, id),
    teamSection(teamArea, streamer, teams),
    screeningSection(screeningArea, id),
    partyRecord(partyArea, id),
    studySummaryView(studyArea, id, { mine: false }),
  ]);
  return releaseSales;
}

/** The object a detail view is about, or null after saying in Chinese why it could not be read (e.g. 404). */
async function loadOne(root, path, loadingText) {
  const head = () => h('div', { class: 'page-head' }, h('h1', {}, '主播与团队'));
  mount(root, head(), loading(loadingText));
  try {
    return await api.get(path);
  } catch (error) {
    mount(root, head(), errorNotice(error), backLink());
    return null;
  }
}

function backLink() {
  return h('a', { class: 'btn', href: '#/streamers' }, '← 返回列表');
}

function profile(s) {
  const rows = [['姓名', s.realName], ['艺名', s.stageName], ['出生日期', s.birthDate], ['加入基地', s.joinedOn],
    ['联系方式', s.contact || '—'], ['此前职业', s.previousOccupation || '—'], ['登录账号', s.accountId ? `#${s.accountId}` : '未关联']];
  return h('dl', { class: 'figures small' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

async function teamSection(area, streamer, teams) {
  mount(area, loading());
  let history;
  try {
    history = (await api.get(`/streamers/${streamer.id}/teams`)).items;
  } catch (error) {
    mount(area, errorNotice(error));
    return;
  }
  const messages = h('div', {});
  const others = teams.filter((t) => t.id !== streamer.teamId);
  const button = h('button', { class: 'btn primary', type: 'submit' }, '调入');
  const form = h('form', { novalidate: true, 'aria-label': '调入团队' },
    h('div', { class: 'form-grid' },
      field({ label: '调入团队', name: 'team', options: others.map((t) => [String(t.id), t.name]) }),
      field({ label: '生效时间（可选）', name: 'from', type: 'datetime-local', hint: '留空为现在；此前的销售仍计入原团队' })),
    h('div', { class: 'form-actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = formValues(form);
    const body = values.from ? { from: new Date(values.from).toISOString() } : {};
    try {
      await busy(button, () => api.put(`/teams/${values.team}/members/${streamer.id}`, body));
      const moved = await api.get(`/streamers/${streamer.id}`);
      await teamSection(area, moved, teams);
      area.prepend(notice('success', `已调入「${moved.teamName}」。`));
    } catch (error) {
      showFieldErrors(form, error);
      mount(messages, errorNotice(error));
    }
  });
  mount(area,
    h('p', {}, '当前团队：', streamer.teamId ? h('a', { href: `#/streamers?team=${streamer.teamId}` }, streamer.teamName) : '未分队'),
    history.length ? h('div', { class: 'table-wrap' },
      h('table', { class: 'data stack', 'aria-label': '调队记录' },
        h('thead', {}, h('tr', {}, ['团队', '起', '止'].map((t) => h('th', {}, t)))),
        h('tbody', {}, history.map((m) => h('tr', {},
          h('td', { 'data-label': '团队' }, m.teamName),
          h('td', { 'data-label': '起' }, dateTime(m.from)),
          h('td', { 'data-label': '止' }, m.until ? dateTime(m.until) : '至今'))))))
      : empty('还没有加入过团队', '用下面的表单把主播调入一个团队。'),
    messages,
    streamer.status === 'left' ? notice('info', '该主播已离开基地，不能调入团队。')
      : others.length ? form : empty('没有可调入的团队', '先在列表页新建团队。'));
}

async function screeningSection(area, id) {
  mount(area, loading());
  try {
    const items = (await api.get(`/streamers/${id}/screenings`)).items;
    if (!items.length) {
      mount(area, empty('还没有筛选记录', '点击「录入评估」进行第一次红色直播间筛选。'));
      return;
    }
    const last = items[0];
    mount(area, h('p', { 'data-testid': 'latest-screening' },
      `最近一次：${last.assessedOn}，品行与思想 ${last.conductScore} 分，业务能力 ${last.businessScore} 分，结论「${label(DECISIONS, last.decision)}」（${last.assessorName}），共 ${items.length} 次评估。`));
  } catch (error) {
    mount(area, errorNotice(error));
  }
}

// ---- one team ----

async function teamView(root, id) {
  const team = await loadOne(root, `/teams/${id}`, '正在加载团队…');
  if (!team) return;
  const studyArea = h('div', {});
  const messages = h('div', {});
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '主播与团队'), backLink()),
    h('section', { class: 'card', 'aria-label': '团队成员', 'data-testid': 'team-detail' },
      h('div', { class: 'card-head' }, h('h2', {}, `团队：${team.name}`), h('span', {}, `队长：${team.captainName ?? '未指定'}`)),
      messages,
      team.currentMembers.length ? h('div', { class: 'table-wrap' },
        h('table', { class: 'data stack', 'aria-label': '成员' },
          h('thead', {}, h('tr', {}, ['成员', '加入时间', ''].map((t) => h('th', {}, t)))),
          h('tbody', {}, team.currentMembers.map((m) => h('tr', {},
            h('td', { 'data-label': '成员' }, h('a', { href: `#/streamers?id=${m.streamerId}` }, m.stageName)),
            h('td', { 'data-label': '加入时间' }, dateTime(m.from)),
            h('td', { class: 'actions' }, m.streamerId === team.captainStreamerId ? h('span', { class: 'tag active' }, '队长')
              : captainButton(team, m, messages)))))))
        : empty('团队还没有成员', '打开一位主播的档案，用「调入团队」把主播调入本团队。', backLink())),
    h('section', { class: 'card', 'aria-label': '团队学习进度' }, h('h2', {}, '学习进度'), studyArea));
  await teamStudy(studyArea, id);
}

function captainButton(team, member, messages) {
  const button = h('button', { class: 'btn small', type: 'button' }, '设为队长');
  button.addEventListener('click', async () => {
    try {
      await busy(button, () => api.put(`/teams/${team.id}/captain`, { streamerId: member.streamerId }));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      mount(messages, errorNotice(error));
    }
  });
  return button;
}

const BEHIND = { 'less-than-half-completed': '完成不足一半', 'inactive-7-days': '7 天未学习' };

async function teamStudy(area, teamId) {
  mount(area, loading());
  try {
    const table = await api.get(`/teams/${teamId}/study`);
    if (!table.members.length) return mount(area, empty('没有成员的学习记录', '团队有成员后，这里显示每人的学习进度。'));
    mount(area,
      h('p', {}, `共 ${table.totalItems} 项学习内容；${table.behindCount} 人进度落后。`),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'data stack', 'aria-label': '团队学习进度表' },
          h('thead', {}, h('tr', {}, ['成员', '已完成', '积分', '学习分钟', '最近学习', '情况'].map((t) => h('th', {}, t)))),
          h('tbody', {}, table.members.map((m) => h('tr', { class: m.behind ? 'behind' : '' },
            h('td', { 'data-label': '成员' }, h('a', { href: `#/streamers?id=${m.streamerId}` }, m.stageName)),
            h('td', { 'data-label': '已完成' }, `${m.completedItems} / ${m.totalItems}`),
            h('td', { 'data-label': '积分' }, m.points),
            h('td', { 'data-label': '学习分钟' }, m.minutes),
            h('td', { 'data-label': '最近学习' }, m.lastStudiedOn ?? '从未'),
            h('td', { 'data-label': '情况' }, m.behind
              ? h('span', { class: 'tag overdue' }, m.behindReasons.map((r) => BEHIND[r] ?? r).join('、'))
              : h('span', { class: 'tag active' }, '正常'))))))));
  } catch (error) {
    mount(area, errorNotice(error));
  }
}
