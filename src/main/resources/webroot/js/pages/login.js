// Login: the only page without a session.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { busy, errorNotice, field, formValues, notice, requireFilled, showFieldErrors } from '../ui.js';

export function render(root, { message, onLoggedIn }) {
  const errors = h('div', {});
  const submit = h('button', { class: 'btn primary', type: 'submit' }, '登录');
  const form = h('form', { novalidate: true, 'aria-label': '登录' },
    errors,
    field({ label: '用户名', name: 'username', required: true, autocomplete: 'username' }),
    field({ label: '密码', name: 'password', type: 'password', required: true, autocomplete: 'current-password' }),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(errors);
    if (!requireFilled(form)) return;
    const { username, password } = formValues(form);
    try {
      const answer = await busy(submit, () => api.post('/auth/login', { username: username.trim(), password }));
      session.save(answer);
      onLoggedIn(answer.account);
    } catch (error) {
      showFieldErrors(form, error);
      mount(errors, errorNotice(error));
    }
  });
  mount(root,
    h('main', { class: 'login-page' },
      h('div', { class: 'login-card' },
        h('div', { class: 'brand' }, '红色直播间'),
        h('h1', {}, '运营平台登录'),
        h('p', { class: 'sub' }, '银川电商直播公共服务基地'),
        message ? notice('info', message) : null,
        form)));
  form.querySelector('input[name=username]').focus();
}
