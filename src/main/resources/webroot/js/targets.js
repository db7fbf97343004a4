// Monthly targets on 企业与目标: a month's targets per streamer, team, enterprise and the whole base against
// what was sold, and the form that sets or edits one (a GMV figure, a growth percentage over a basis, or both).
import { h, mount } from './dom.js';
import * as api from './api.js';
import { busy, empty, errorNotice, field, formValues, loading, notice, showFieldErrors } from './ui.js';
import { attainmentBar, growthTag, monthLabel, percent, reportError, thisMonth, yuan } from './sales.js';
import { fenOf, yuanInput } from './enterprise-forms.js';

export const SCOPES = { streamer: '主播', team: '团队', enterprise: '企业', base: '全基地' };
const BASES = { previous_month: '环比上月', same_month_last_year: '同比去年同月' };

/** `enterprises()` gives the enterprises the page already loaded (for the form's picker). Returns { el, load, release }. */
export function targetsCard({ enterprises }) {
  const month = h('input', { type: 'month', value: thisMonth(), 'aria-label': '目标月份' });
  const scope = h('select', { 'aria-label': '目标对象类型' },
    h('option', { value: '' }, '全部对象'),
    Object.entries(SCOPES).map(([value, label]) => h('option', { value }, label)));
  const messages = h('div', { 'data-testid': 'target-messages' });
  const formSlot = h('div', {});
  const listArea = h('div', { 'data-testid': 'targets' });
  month.addEventListener('change', () => month.value && load());
  scope.addEventListener('change', () => load());

  const el = h('section', { class: 'card', 'aria-label': '月度目标' },
    h('div', { class: 'card-head' },
      h('h2', {}, '月度目标'),
      h('button', { class: 'btn primary', type: 'button', onclick: () => openForm(null) }, '设定目标')),
    h('div', { class: 'filters' }, month, scope),
    messages, formSlot, listArea);

  function openForm(target) {
    mount(formSlot, targetForm(target, { month: month.value || thisMonth(), enterprises: enterprises() }, {
      onSaved(saved) {
        mount(formSlot);
        mount(messages, notice('success', `已设定「${SCOPES[saved.scope]} · ${saved.name ?? '全基地'}」${monthLabel(saved.month)}的目标。`));
        if (saved.month !== month.value) month.value = saved.month;
        load();
      },
      onCancel: () => mount(formSlot),
    }));
  }

  let asked = 0;
  async function load() {
    const ticket = ++asked;
    mount(listArea, loading('正在加载目标…'));
    try {
      const answer = await api.get('/targets', { month: month.value, scope: scope.value });
      if (ticket !== asked) return;
      mount(listArea, answer.items.length ? table(answer.items)
        : empty(`${monthLabel(answer.month ?? month.value)}还没有目标`, '点击「设定目标」，为主播、团队、企业或全基地设定本月成交额目标和增长目标。'));
    } catch (error) {
      if (ticket === asked) mount(listArea, reportError(error));
    }
  }

  function table(items) {
    return h('div', { class: 'table-wrap' },
      h('table', { class: 'data stack', 'aria-label': '月度目标' },
        h('thead', {}, h('tr', {}, ['对象', '成交额目标', '已完成', '完成度', '增长目标', '实际增长', '状态', '操作'].map((t) => h('th', {}, t)))),
        h('tbody', {}, items.map((t) => h('tr', { dataset: { targetId: t.id, scope: t.scope } },
          h('td', { 'data-label': '对象' }, `${SCOPES[t.scope] ?? t.scope} · ${t.name ?? '全基地'}`),
          h('td', { 'data-label': '成交额目标', class: 'num' }, t.gmvFen === null && t.targetFen
            ? h('span', { title: '由增长目标推算' }, `${yuan(t.targetFen)}（推算）`) : yuan(t.gmvFen)),
          h('td', { 'data-label': '已完成', class: 'num' }, yuan(t.actualFen)),
          h('td', { 'data-label': '完成度' }, attainmentBar(t.attainmentBp, { behind: t.behind })),
          h('td', { 'data-label': '增长目标' }, t.growthBp === null ? '—' : `${BASES[t.growthBasis] ?? ''} ≥ ${percent(t.growthBp)}`),
          h('td', { 'data-label': '实际增长' }, growthTag(t.growth)),
          h('td', { 'data-label': '状态' }, status(t)),
          h('td', { class: 'actions' }, h('button', { class: 'btn small', type: 'button', onclick: () => openForm(t) }, '修改')))))));
  }

  return { el, load, release: () => {} };
}

function status(t) {
  if (t.attainmentBp !== null && t.attainmentBp >= 10000 && t.growthMet !== false) return h('span', { class: 'tag met' }, '已达成');
  if (t.behind) return h('span', { class: 'tag warn' }, '落后于进度');
  if (t.growthMet === false) return h('span', { class: 'tag warn' }, '增长未达标');
  return h('span', { class: 'tag' }, '进行中');
}

/** Sets (creates or replaces) one target; editing keeps its scope and object and changes the figures. */
function targetForm(target, { month, enterprises }, { onSaved, onCancel }) {
  const t = target ?? { scope: 'streamer', month };
  const title = target ? `修改目标 · ${SCOPES[t.scope]} · ${t.name ?? '全基地'}` : '设定目标';
  const scopeField = field({ label: '对象类型', name: 'scope', required: true, value: t.scope, options: Object.entries(SCOPES) });
  const whoField = field({ label: '对象', name: 'scopeId', options: [['', '正在加载…']] });
  const form = h('form', { class: 'card inner', novalidate: true, 'aria-label': title },
    h('h3', {}, title),
    h('div', { class: 'form-grid' },
      scopeField,
      whoField,
      field({ label: '月份', name: 'month', type: 'month', required: true, value: t.month }),
      field({ label: '成交额目标（元）', name: 'gmvFen', value: yuanInput(t.gmvFen), hint: '净成交额（扣除退款）' }),
      field({ label: '增长目标（%）', name: 'growthBp', value: t.growthBp === null || t.growthBp === undefined ? '' : String(t.growthBp / 100), hint: '如 20 表示增长 20%；可与成交额目标同时设定' }),
      field({ label: '比较基准', name: 'growthBasis', value: t.growthBasis ?? 'same_month_last_year', options: Object.entries(BASES) })),
    h('div', { class: 'form-actions' },
      h('button', { class: 'btn primary', type: 'submit' }, '保存目标'),
      h('button', { class: 'btn', type: 'button', onclick: onCancel }, '取消')));

  const scopeSelect = scopeField.querySelector('select');
  const whoSelect = whoField.querySelector('select');
  if (target) {
    scopeSelect.disabled = true;
    whoSelect.disabled = true;
  }
  scopeSelect.addEventListener('change', () => fillWho(scopeSelect.value));
  fillWho(t.scope, t.scopeId);

  async function fillWho(scope, selected) {
    whoField.hidden = scope === 'base';
    if (scope === 'base') return;
    mount(whoSelect, h('option', { value: '' }, '正在加载…'));
    try {
      const options = await choicesFor(scope, enterprises);
      if (scopeSelect.value !== scope) return;
      mount(whoSelect, h('option', { value: '' }, options.length ? `请选择${SCOPES[scope]}` : `还没有${SCOPES[scope]}，请先添加`),
        options.map(([value, label]) => h('option', { value, selected: String(selected) === value }, label)));
    } catch (error) {
      mount(whoSelect, h('option', { value: '' }, '加载失败'));
      form.prepend(errorNotice(error));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelector(':scope > .notice')?.remove();
    const v = formValues(form);
    const scope = scopeSelect.value;
    const who = whoSelect.value;
    const gmv = v.gmvFen.trim() === '' ? null : fenOf(v.gmvFen);
    const growth = v.growthBp.trim() === '' ? null : Number(v.growthBp);
    const local = {};
    if (scope !== 'base' && !who) local.scopeId = `请选择${SCOPES[scope]}`;
    if (!v.month) local.month = '必填';
    if (gmv === null && v.gmvFen.trim() !== '') local.gmvFen = '请填写金额，如 50000 或 50000.00';
    if (growth !== null && !Number.isFinite(growth)) local.growthBp = '请填写数字，如 20';
    if (gmv === null && growth === null && !local.gmvFen && !local.growthBp) local.gmvFen = '请填写成交额目标或增长目标（也可以都填）';
    if (Object.keys(local).length) {
      showFieldErrors(form, { fields: local });
      return;
    }
    const body = {
      scope,
      scopeId: scope === 'base' ? null : Number(who),
      month: v.month,
      gmvFen: gmv,
      growthBp: growth === null ? null : Math.round(growth * 100),
      growthBasis: growth === null ? null : v.growthBasis,
    };
    try {
      onSaved(await busy(form.querySelector('[type=submit]'), () => api.put('/targets', body)));
    } catch (error) {
      if (!showFieldErrors(form, error)) form.prepend(errorNotice(error));
    }
  });
  return form;
}

/** [[id, label]] of the streamers (talent pool), teams or enterprises a target can be for. */
async function choicesFor(scope, enterprises) {
  if (scope === 'streamer') {
    const page = await api.get('/streamers', { size: 200 });
    return page.items.filter((s) => s.status !== 'left')
      .map((s) => [String(s.id), s.stageName && s.stageName !== s.realName ? `${s.stageName}（${s.realName}）` : s.realName ?? s.stageName]);
  }
  if (scope === 'team') return (await api.get('/teams', { size: 200 })).items.map((t) => [String(t.id), t.name]);
  return enterprises.map((e) => [String(e.id), e.name]);
}
