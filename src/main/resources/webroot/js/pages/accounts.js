// 账号管理 (managers): list, filter and page through accounts; create one; disable, enable, reset a password.
// A generated or reset password is shown once, right here, and never again.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { ROLE_LABELS, ROLES, roleLabel } from '../roles.js';
import {
  busy, confirm, dateTime, empty, errorNotice, field, formValues, loading, notice, pager, requireFilled, showFieldErrors,
} from '../ui.js';

const PAGE_SIZE = 20;
const ROLE_OPTIONS = Object.entries(ROLE_LABELS);
const STATUS_LABELS = { active: '启用', disabled: '停用' };

export async function render(root, { account: me }) {
  const filter = { role: '', status: '', q: '', page: 1 };
  const messages = h('div', { 'data-testid': 'account-messages' });
  const listArea = h('div', {});
  const summary = h('section', { class: 'card', 'data-testid': 'account-summary' }, loading('正在统计账号…'));
  const createCard = createForm(showCreated);
  createCard.hidden = true;

  const filters = filterBar(filter, () => {
    filter.page = 1;
    load();
  });

  mount(root,
    h('div', { class: 'page-head' },
      h('h1', {}, '账号管理'),
      h('button', {
        class: 'btn primary', type: 'button',
        onclick: () => { createCard.hidden = !createCard.hidden; },
      }, '新建账号')),
    messages,
    createCard,
    summary,
    h('section', { class: 'card' }, filters, listArea));
  countAccounts().then((counts) => mount(summary, h('h2', {}, '账号概况'), accountBars(counts), countsTable(counts)),
    (error) => mount(summary, errorNotice(error)));

  function toPage(page) {
    filter.page = page;
    load();
  }

  async function load() {
    mount(listArea, loading('正在加载账号…'));
    try {
      const result = await api.get('/accounts', {
        role: filter.role, status: filter.status, q: filter.q.trim(), page: filter.page, size: PAGE_SIZE,
      });
      mount(listArea, result.items.length ? table(result.items) : emptyList(), pager(result, '个账号', toPage));
    } catch (error) {
      mount(listArea, errorNotice(error));
    }
  }

  function emptyList() {
    const filtered = filter.role || filter.status || filter.q.trim();
    return filtered
      ? empty('没有符合条件的账号', '请调整上面的筛选条件，或清空搜索框后重新查询。')
      : empty('还没有账号', '点击右上角「新建账号」，为主播、品牌方或管理员开通账号。');
  }

  function table(items) {
    return h('div', { class: 'table-wrap' },
      h('table', { class: 'data stack', 'aria-label': '账号列表' },
        h('thead', {}, h('tr', {}, ['用户名', '姓名', '角色', '状态', '最近登录', '创建时间', '操作'].map((t) => h('th', {}, t)))),
        h('tbody', {}, items.map(row))));
  }

  function row(account) {
    const cells = [
      ['用户名', account.username],
      ['姓名', account.displayName],
      ['角色', roleLabel(account.role)],
    ];
    return h('tr', { dataset: { username: account.username } },
      cells.map(([label, text]) => h('td', { 'data-label': label }, text)),
      h('td', { 'data-label': '状态' },
        h('span', { class: `tag ${account.status}` }, STATUS_LABELS[account.status] ?? account.status),
        account.mustChangePassword ? h('span', { class: 'tag warn', title: '下次登录须修改密码' }, ' 待改密码') : null),
      h('td', { 'data-label': '最近登录' }, dateTime(account.lastLoginAt)),
      h('td', { 'data-label': '创建时间' }, dateTime(account.createdAt)),
      h('td', { class: 'actions' }, rowActions(account)));
  }

  function rowActions(account) {
    if (account.id === me.id) return h('span', { class: 'hint' }, '当前账号');
    const toggle = account.status === 'active'
      ? action('停用', `停用账号「${account.displayName}」？停用后该账号立即退出且无法登录。`, 'disable', '已停用')
      : action('启用', `启用账号「${account.displayName}」？`, 'enable', '已启用');
    const reset = h('button', { class: 'btn small', type: 'button' }, '重置密码');
    reset.addEventListener('click', async () => {
      if (!await confirm(`为「${account.displayName}」生成新的临时密码？原密码和已有登录将立即失效。`, '重置')) return;
      try {
        const answer = await busy(reset, () => api.post(`/accounts/${account.id}/password-reset`));
        showSecret(`已重置「${answer.account.displayName}」（${answer.account.username}）的密码。`, answer.temporaryPassword);
        load();
      } catch (error) {
        mount(messages, errorNotice(error));
      }
    });
    return [toggle, ' ', reset];

    function action(label, question, path, done) {
      const button = h('button', { class: 'btn small', type: 'button' }, label);
      button.addEventListener('click', async () => {
        if (!await confirm(question, label)) return;
        try {
          const changed = await busy(button, () => api.post(`/accounts/${account.id}/${path}`));
          mount(messages, notice('success', `${done}账号「${changed.displayName}」。`));
          load();
        } catch (error) {
          mount(messages, errorNotice(error));
        }
      });
      return button;
    }
  }


  function showCreated(answer) {
    createCard.hidden = true;
    const who = `已创建账号「${answer.account.displayName}」（${answer.account.username}）。`;
    if (answer.temporaryPassword) showSecret(who, answer.temporaryPassword);
    else mount(messages, notice('success', `${who}请把您设定的初始密码转交本人。`));
    filter.page = 1;
    load();
  }

  function showSecret(text, password) {
    const copy = h('button', { class: 'btn small', type: 'button' }, '复制');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(password);
        copy.textContent = '已复制';
      } catch {
        copy.textContent = '请手动复制';
      }
    });
    const done = h('button', { class: 'btn small', type: 'button', onclick: () => mount(messages) }, '我已转交');
    mount(messages, h('div', { class: 'secret', role: 'status' },
      h('span', {}, `${text}临时密码只显示这一次，请转交本人，首次登录须修改：`),
      h('code', { 'data-testid': 'temporary-password' }, password), copy, done));
  }

  await load();
}

function filterBar(filter, apply) {
  const role = h('select', { name: 'role', 'aria-label': '按角色筛选' },
    h('option', { value: '' }, '全部角色'), ROLE_OPTIONS.map(([code, label]) => h('option', { value: code }, label)));
  const status = h('select', { name: 'status', 'aria-label': '按状态筛选' },
    h('option', { value: '' }, '全部状态'), Object.entries(STATUS_LABELS).map(([code, label]) => h('option', { value: code }, label)));
  const q = h('input', { name: 'q', type: 'search', placeholder: '用户名或姓名', maxlength: 60, 'aria-label': '搜索用户名或姓名' });
  const form = h('form', { class: 'filters', role: 'search' }, role, status, q,
    h('button', { class: 'btn', type: 'submit' }, '查询'));
  const read = () => Object.assign(filter, { role: role.value, status: status.value, q: q.value });
  role.addEventListener('change', () => { read(); apply(); });
  status.addEventListener('change', () => { read(); apply(); });
  form.addEventListener('submit', (event) => { event.preventDefault(); read(); apply(); });
  return form;
}

function createForm(onCreated) {
  const errors = h('div', {});
  const submit = h('button', { class: 'btn primary', type: 'submit' }, '创建');
  const form = h('form', { novalidate: true, 'aria-label': '新建账号' },
    errors,
    h('div', { class: 'form-grid' },
      field({ label: '用户名', name: 'username', required: true, hint: '3–40 位字母、数字或 . _ -，例如 streamer.ma' }),
      field({ label: '姓名', name: 'displayName', required: true, hint: '显示在系统中的名字，例如 马小燕' }),
      field({ label: '角色', name: 'role', options: ROLE_OPTIONS, value: 'streamer' }),
      field({ label: '初始密码（可选）', name: 'password', type: 'password', autocomplete: 'new-password', hint: '留空则自动生成临时密码；至少 10 个字符，不能是用户名、常见密码或同一字符重复' })),
    h('div', { class: 'form-actions' }, submit,
      h('button', { class: 'btn', type: 'button', onclick: () => { card.hidden = true; } }, '取消')));
  const card = h('section', { class: 'card', 'aria-label': '新建账号' }, h('h2', {}, '新建账号'), form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(errors);
    if (!requireFilled(form)) return;
    const values = formValues(form);
    const body = { username: values.username.trim(), displayName: values.displayName.trim(), role: values.role };
    if (values.password) body.password = values.password;
    try {
      const answer = await busy(submit, () => api.post('/accounts', body));
      form.reset();
      onCreated(answer);
    } catch (error) {
      showFieldErrors(form, error, { 'username-taken': 'username' });
      mount(errors, errorNotice(error));
    }
  });
  return card;
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
