// What the shell shows instead of a page the user may not open, or that does not exist.
import { h } from './dom.js';
import { empty } from './ui.js';
import { roleLabel } from './roles.js';

export function notFound(home) {
  return h('section', { class: 'card' },
    empty('页面不存在', '您要打开的页面不存在，可能是链接有误。', homeLink(home)));
}

export function forbidden(page, role, home) {
  const allowed = page.roles.map(roleLabel).join('、');
  return h('section', { class: 'card' },
    h('div', { class: 'empty refused', role: 'alert' },
      h('div', { class: 'headline' }, '无权访问此页面'),
      h('div', {}, `「${page.title}」仅对${allowed}开放，您当前的身份是${roleLabel(role)}。如需使用，请联系基地管理员。`),
      h('div', { class: 'actions' }, homeLink(home))));
}

function homeLink(home) {
  return h('a', { class: 'btn', href: `#/${home}` }, '返回首页');
}
