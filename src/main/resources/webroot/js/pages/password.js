// Change one's own password (every role). The API answers with a fresh session: older tokens stop working.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { busy, errorNotice, field, formValues, notice, requireFilled, showFieldErrors } from '../ui.js';

export function render(root, { account, go }) {
  const status = h('div', {});
  const submit = h('button', { class: 'btn primary', type: 'submit' }, '保存新密码');
  const form = h('form', { novalidate: true, 'aria-label': '修改密码' },
    status,
    field({ label: '当前密码', name: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password' }),
    field({ label: '新密码', name: 'newPassword', type: 'password', required: true, autocomplete: 'new-password', hint: '至少 10 个字符，不能是用户名、常见密码或同一字符重复' }),
    field({ label: '再次输入新密码', name: 'repeatPassword', type: 'password', required: true, autocomplete: 'new-password' }),
    h('div', { class: 'form-actions' }, submit));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(status);
    if (!requireFilled(form)) return;
    const { currentPassword, newPassword, repeatPassword } = formValues(form);
    if (newPassword !== repeatPassword) {
      showFieldErrors(form, { fields: { repeatPassword: '两次输入的新密码不一致' } });
      return;
    }
    try {
      const answer = await busy(submit, () => api.put('/me/password', { currentPassword, newPassword }));
      session.save(answer);
      form.reset();
      mount(status, notice('success', '密码已修改。其他设备上的登录已失效，需要用新密码重新登录。'));
      if (account.mustChangePassword) go('');
    } catch (error) {
      showFieldErrors(form, error);
      mount(status, errorNotice(error));
    }
  });

  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '修改密码')),
    account.mustChangePassword
      ? notice('info', '您正在使用临时密码。请先设置自己的新密码，然后才能使用其他功能。')
      : null,
    h('section', { class: 'card', style: 'max-width: 480px' }, form));
}
