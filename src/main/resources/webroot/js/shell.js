// The frame around every page after login: top bar (who is signed in, password, log out) and the role's menu.
import { h, mount } from './dom.js';
import { roleLabel } from './roles.js';
import { menuFor } from './pages/registry.js';

export function createShell(appEl, account, { onLogout }) {
  const links = menuFor(account.role).map((page) =>
    h('a', { href: `#/${page.id}`, dataset: { page: page.id } }, page.title));
  const content = h('main', { class: 'content', id: 'content', tabindex: '-1' });
  const shell = h('div', { class: 'shell' },
    h('header', { class: 'topbar' },
      h('button', {
        class: 'btn link menu-toggle', type: 'button', 'aria-label': '打开菜单',
        onclick: () => shell.classList.toggle('menu-open'),
      }, '☰ 菜单'),
      h('div', { class: 'title' }, '红色直播间运营平台'),
      // the menu's heading already names the role: the top bar names only the person (the role on hover)
      h('div', { class: 'who', 'data-testid': 'who', title: `${account.displayName}（${roleLabel(account.role)}）` }, account.displayName),
      h('a', { class: 'btn link', href: '#/password' }, '修改密码'),
      h('button', { class: 'btn link', type: 'button', onclick: onLogout }, '退出登录')),
    h('aside', { class: 'sidebar' },
      h('div', { class: 'section' }, roleLabel(account.role)),
      h('nav', { 'aria-label': '主菜单' }, links)),
    content);
  mount(appEl, shell);

  return {
    content,
    setActive(pageId) {
      links.forEach((a) => a.classList.toggle('active', a.dataset.page === pageId));
      // on a phone the menu closes once a page is chosen
      shell.classList.remove('menu-open');
    },
  };
}
