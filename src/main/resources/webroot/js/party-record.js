// One streamer's Party development record: stage, training hours, what is owed and by when, the dated steps, the
// audit trail of every change, and (managers) the form that records the next step. The server checks every rule;
// a refusal names the rule and is shown in Chinese next to the form. Political status is sensitive: only managers
// and the streamer see this.
import { h, mount } from './dom.js';
import * as api from './api.js';
import { busy, dateTime, empty, errorNotice, field, loading, notice, showFieldErrors } from './ui.js';
import { CONDITIONS, label, NEXT_STEPS, OBLIGATIONS, PHASES, STAGES, STEP_KINDS, tag, today } from './people.js';

/** Renders the record into `root`; `onChange()` runs after a step was recorded. */
export async function partyRecord(root, streamerId, { canRecord = false, onChange = () => {} } = {}) {
  mount(root, loading('正在加载党员发展记录…'));
  let record;
  try {
    record = await api.get(`/streamers/${streamerId}/party`);
  } catch (error) {
    mount(root, errorNotice(error));
    return;
  }
  const messages = h('div', { 'data-testid': 'party-messages' });
  const print = h('button', { class: 'btn small', type: 'button', 'data-testid': 'party-print' }, '打印发展纪实');
  print.addEventListener('click', () => busy(print, () => api.download(`/streamers/${streamerId}/party/print`,
    `发展党员纪实-${streamerId}.html`)).catch((error) => mount(messages, errorNotice(error))));
  mount(root,
    summary(record),
    obligations(record),
    checklist(record),
    missing(record),
    h('h3', {}, '发展步骤（25 步）', canRecord ? [' ', print] : null),
    record.steps.length ? null
      : empty('还没有任何发展步骤', canRecord ? '在下方记录第一步「递交入党申请书」（申请人须年满 18 周岁）。' : '党组织记录后会显示在这里。'),
    steps(record.steps),
    messages,
    auditTrail(streamerId),
    canRecord ? stepForm(record, async (body, form) => {
      const updated = await api.post(`/streamers/${streamerId}/party/steps`, body);
      await partyRecord(root, streamerId, { canRecord, onChange });
      root.querySelector('[data-testid="party-messages"]')
        ?.replaceChildren(notice('success', `已记录「${label(STEP_KINDS, body.kind)}」，当前阶段：${label(STAGES, updated.stage)}。`));
      onChange(updated);
      return form;
    }) : null);
}

function summary(record) {
  return h('dl', { class: 'figures', 'data-testid': 'party-summary' },
    h('div', {}, h('dt', {}, '当前阶段'), h('dd', { 'data-testid': 'party-stage' }, tag(STAGES, record.stage, 'stage'))),
    h('div', {}, h('dt', {}, '集中培训'),
      h('dd', {}, `${fmt(record.trainingHours)} / ${fmt(record.requiredTrainingHours)} 学时，或 ${record.trainingStepDays ?? 0} / ${record.requiredTrainingDays ?? 3} 天`),
      h('div', { class: 'hint' }, `其中学习角课程（系统核验）${fmt(record.courseHours)} 学时`)),
    record.probationEndsOn ? h('div', {}, h('dt', {}, '预备期满'), h('dd', {}, record.probationEndsOn)) : null,
    record.partyAgeFrom ? h('div', {}, h('dt', {}, '党龄起算'), h('dd', { 'data-testid': 'party-age' }, record.partyAgeFrom)) : null,
    record.extensionMonths ? h('div', {}, h('dt', {}, '预备期已延长'), h('dd', {}, `${record.extensionMonths} 个月`)) : null);
}

function obligations(record) {
  if (!record.obligations.length) return null;
  return h('div', { class: 'notice info', 'data-testid': 'party-obligations' },
    '待办：', record.obligations.map((o, i) => [i ? '；' : '',
      `${label(OBLIGATIONS, o.kind)}（${o.dueOn} 前${o.status === 'overdue' ? '，已逾期' : o.status === 'due' ? '，即将到期' : ''}）`]));
}

/** What the next stage still needs: each item done or not; 必需 marks what the server enforces. */
function checklist(record) {
  const items = record.checklist ?? [];
  if (!items.length) return null;
  return h('div', { class: 'card', 'data-testid': 'party-checklist' }, h('h3', {}, '进入下一阶段还需'),
    h('ul', { class: 'checklist' }, items.map((c) => h('li', { class: c.done ? 'done' : 'todo', dataset: { kind: c.kind } },
      c.done ? '✔ ' : '✘ ', label(STEP_KINDS, label(CONDITIONS, c.kind)),
      c.on ? `（${c.on}）` : '', !c.done && c.from ? `（${c.from} 起）` : '', c.enforced ? ' · 必需' : ''))));
}

/** Steps before the furthest one that were never recorded, and recorded steps with unknown particulars. */
function missing(record) {
  const gaps = record.gaps ?? [];
  const incomplete = record.incomplete ?? [];
  if (!gaps.length && !incomplete.length) return null;
  return h('div', { class: 'notice warn', 'data-testid': 'party-gaps' },
    gaps.length ? ['未记录的步骤：', gaps.map((g) => `${g.number}. ${label(STEP_KINDS, g.kind)}`).join('、'), '。'] : null,
    incomplete.length ? ['信息不全：', incomplete.map((g) => label(STEP_KINDS, g.kind)).join('、'), '（如表决票数未知）。'] : null);
}

/** All 25 steps in their five stages, each with its date(s) or 未记录; extension and cancellation when taken. */
function steps(list) {
  const kinds = Object.keys(STEP_KINDS);
  const byKind = (kind) => list.filter((s) => s.kind === kind);
  const groups = [1, 2, 3, 4, 5].map((phase) => {
    const rows = [];
    kinds.forEach((kind) => {
      const number = STEP_NUMBERS[kind];
      const stepPhase = number ? PHASE_OF_NUMBER(number) : 5;
      if (stepPhase !== phase) return;
      const taken = byKind(kind);
      if (!taken.length && !number) return;
      if (!taken.length) {
        rows.push(h('tr', { class: 'not-taken', dataset: { kind } }, h('td', { 'data-label': '步骤' }, `${number}. ${label(STEP_KINDS, kind)}`),
          h('td', { 'data-label': '日期' }, '未记录'), h('td', { 'data-label': '说明' }, '—'), h('td', { 'data-label': '记录人' }, '—')));
      }
      taken.forEach((s) => rows.push(h('tr', { dataset: { kind } },
        h('td', { 'data-label': '步骤' }, `${number ? `${number}. ` : ''}${label(STEP_KINDS, kind)}`),
        h('td', { 'data-label': '日期' }, s.on),
        h('td', { 'data-label': '说明' }, stepDetails(s)),
        h('td', { 'data-label': '记录人', title: dateTime(s.recordedAt) }, s.recordedByName ?? '—'))));
    });
    return [h('tr', { class: 'phase' }, h('th', { colspan: 4 }, PHASES[phase])), ...rows];
  });
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '发展步骤', 'data-testid': 'party-steps' },
      h('thead', {}, h('tr', {}, ['步骤', '日期', '说明', '记录人'].map((t) => h('th', {}, t)))),
      h('tbody', {}, groups)));
}

/** The 细则's number of each step (extension and cancellation are outcomes, not numbered). */
const STEP_NUMBERS = Object.fromEntries(Object.keys(STEP_KINDS).filter((k) => k !== 'extension' && k !== 'cancellation')
  .map((k, i) => [k, i + 1]));

const PHASE_OF_NUMBER = (n) => (n <= 2 ? 1 : n <= 6 ? 2 : n <= 11 ? 3 : n <= 18 ? 4 : 5);

/** Every change to the record (who, when, stage before and after), loaded when opened: it is rarely needed. */
function auditTrail(streamerId) {
  const box = h('div', { 'data-testid': 'party-audit' });
  const details = h('details', { class: 'audit' }, h('summary', {}, '变更记录'), box);
  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    mount(box, loading('正在加载变更记录…'));
    try {
      const { items, total } = await api.get(`/streamers/${streamerId}/party/audit`, { size: 50 });
      mount(box, items.length ? auditTable(items) : h('p', { class: 'hint' }, '还没有变更记录。'),
        total > items.length ? h('p', { class: 'hint' }, `仅显示最近 ${items.length} 条，共 ${total} 条。`) : null);
    } catch (error) {
      mount(box, errorNotice(error));
    }
  });
  return details;
}

function auditTable(items) {
  const stageOf = (snapshot) => (snapshot?.stage ? label(STAGES, snapshot.stage) : '无记录');
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '变更记录' },
      h('thead', {}, h('tr', {}, ['时间', '操作人', '变更', '阶段'].map((t) => h('th', {}, t)))),
      h('tbody', {}, items.map((e) => h('tr', {},
        h('td', { 'data-label': '时间' }, dateTime(e.at)),
        h('td', { 'data-label': '操作人' }, e.actorName ?? '—'),
        h('td', { 'data-label': '变更' }, e.action.startsWith('step:') ? `记录「${label(STEP_KINDS, e.action.slice(5))}」` : e.action),
        h('td', { 'data-label': '阶段' }, `${stageOf(e.before)} → ${stageOf(e.after)}`))))));
}

function stepDetails(s) {
  const d = s.details ?? {};
  const parts = [];
  if (s.hours != null) parts.push(`${fmt(s.hours)} 学时`);
  if (s.days != null) parts.push(`${s.days} 天`);
  if (d.sponsors) parts.push(`入党介绍人：${d.sponsors.join('、')}`);
  if (d.contacts) parts.push(`培养联系人：${d.contacts.join('、')}`);
  if (d.conclusion) parts.push(`政审结论：${d.conclusion}`);
  if (d.branch) parts.push(d.branch);
  if (s.months != null) parts.push(`延长 ${s.months} 个月`);
  if (d.entitledVoters != null) parts.push(`应到 ${d.entitledVoters} 人，实到 ${d.present} 人，赞成 ${d.yesVotes} 票`);
  if (d.notes) parts.push(d.notes);
  return parts.join('；') || '—';
}

/** The next step: steps that fit the current stage come first; fields appear for the kind chosen. */
function stepForm(record, submit) {
  const likely = NEXT_STEPS[record.stage] ?? [];
  if (!likely.length) {
    return notice('info', '该发展记录已结束，不再记录新的步骤。');
  }
  const others = Object.keys(STEP_KINDS).filter((k) => !likely.includes(k));
  const options = [...likely, ...others].map((k) => [k, label(STEP_KINDS, k)]);
  const errors = h('div', {});
  const button = h('button', { class: 'btn primary', type: 'submit' }, '记录步骤');
  const hours = h('div', { class: 'form-grid' },
    field({ label: '学时', name: 'hours', type: 'number', hint: '支部委员会审查前须累计 24 学时或 3 天' }),
    field({ label: '天数', name: 'days', type: 'number' }));
  const names = h('div', { class: 'form-grid' },
    field({ label: '姓名一', name: 'names.0', hint: '正式党员' }), field({ label: '姓名二', name: 'names.1' }));
  const conclusion = field({ label: '政审结论', name: 'details.conclusion' });
  const branch = field({ label: '编入的支部或党小组', name: 'details.branch' });
  const months = field({ label: '延长月数', name: 'months', type: 'number', hint: '6 至 12 个月，只能延长一次' });
  const votes = h('div', { class: 'form-grid' },
    field({ label: '应到有表决权党员', name: 'details.entitledVoters', type: 'number' }),
    field({ label: '实到人数', name: 'details.present', type: 'number' }),
    field({ label: '赞成票', name: 'details.yesVotes', type: 'number' }));
  const notes = field({ label: '备注（可选）', name: 'details.notes' });
  const form = h('form', { novalidate: true, 'aria-label': '记录发展步骤', class: 'step-form' },
    h('h3', {}, '记录下一步'),
    errors,
    h('div', { class: 'form-grid' },
      field({ label: '步骤', name: 'kind', options, value: likely[0] }),
      field({ label: '日期', name: 'on', type: 'date', value: today(), hint: '可补录过去的日期，同样按规则检查' })),
    hours, names, conclusion, branch, months, votes, notes,
    h('div', { class: 'form-actions' }, button));
  const kind = form.querySelector('select[name="kind"]');
  const showFor = () => {
    hours.hidden = kind.value !== 'training';
    months.hidden = kind.value !== 'extension';
    votes.hidden = !MEETINGS.includes(kind.value);
    names.hidden = !NAMED[kind.value];
    conclusion.hidden = kind.value !== 'political_review';
    branch.hidden = kind.value !== 'assignment';
  };
  kind.addEventListener('change', showFor);
  showFor();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(errors);
    const value = (name) => form.querySelector(`[name="${name}"]`).value.trim();
    const body = { kind: kind.value, on: value('on') };
    if (kind.value === 'training' && value('hours')) body.hours = Number(value('hours'));
    if (kind.value === 'training' && value('days')) body.days = Number(value('days'));
    if (kind.value === 'extension' && value('months')) body.months = Number(value('months'));
    const details = {};
    if (MEETINGS.includes(kind.value)) {
      for (const k of ['entitledVoters', 'present', 'yesVotes']) if (value(`details.${k}`)) details[k] = Number(value(`details.${k}`));
    }
    if (NAMED[kind.value]) details[NAMED[kind.value]] = [value('names.0'), value('names.1')].filter(Boolean);
    if (kind.value === 'political_review') details.conclusion = value('details.conclusion');
    if (kind.value === 'assignment' && value('details.branch')) details.branch = value('details.branch');
    if (value('details.notes')) details.notes = value('details.notes');
    if (Object.keys(details).length) body.details = details;
    try {
      await busy(button, () => submit(body, form));
    } catch (error) {
      showFieldErrors(form, error);
      mount(errors, errorNotice(error));
    }
  });
  return form;
}

const MEETINGS = ['branch_meeting', 'conversion_meeting'];
const NAMED = { sponsors: 'sponsors', contacts: 'contacts' };

function fmt(n) {
  return Number(n ?? 0).toLocaleString('zh-CN', { maximumFractionDigits: 1 });
}
