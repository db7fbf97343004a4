// Start-up and navigation: no session -> login; otherwise the role's shell with the page named by the hash,
// or a Chinese refusal when the page does not exist or is not for this role.
import { h, mount } from './dom.js';
import * as session from './session.js';
import { post, whenSessionLost } from './api.js';
import { currentRoute, go } from './router.js';
import { HOME, loadPage, pageById } from './pages/registry.js';
import { createShell } from './shell.js';
import { forbidden, notFound } from './refusal.js';
import { errorNotice, loading } from './ui.js';
import { loadECharts } from './charts.js';
import * as login from './pages/login.js';

const app = document.getElementById('app');
let shell = null;
let shellAccountId = null;
let dispose = null;
let renderCount = 0;
let loginMessage = null;

whenSessionLost(() => {
  loginMessage = '登录已过期或已失效，请重新登录。';
  go('login');
});

window.addEventListener('hashchange', route);
route();

async function route() {
  const mine = ++renderCount;
  delete document.body.dataset.ready;
  cleanUp();
  const current = session.current();
  const id = currentRoute();
  if (!current) {
    showLogin();
    return;
  }
  const { account } = current;
  const home = HOME[account.role] ?? 'password';
  if (id === '' || id === 'login') return go(home);
  // a temporary password (new account or reset) is changed before anything else
  if (account.mustChangePassword && id !== 'password') return go('password');

  if (!shell || shellAccountId !== account.id) {
    shell = createShell(app, account, { onLogout: logOut });
    shellAccountId = account.id;
  }
  shell.setActive(id);
  const page = pageById(id);
  if (!page || !page.roles.includes(account.role)) {
    mount(shell.content, page ? forbidden(page, account.role, home) : notFound(home));
    return finish(mine, id);
  }

  document.title = `${page.title} · 红色直播间运营平台`;
  const root = h('div', { class: 'page', dataset: { page: id } }, loading());
  mount(shell.content, root);
  try {
    const module = await loadPage(page);
    const rendering = module.render(root, { page, account, go });
    // the page has sent its API requests (before its first await); the chart library's script (a few hundred
    // milliseconds on a slow machine) runs while they are answered; the page reports a failure when it draws
    if (page.charts) loadECharts().catch(() => {});
    const cleanup = await rendering;
    if (typeof cleanup === 'function') {
      // the user may have moved on while this page was loading
      if (mine === renderCount) dispose = cleanup;
      else cleanup();
    }
  } catch (error) {
    if (mine === renderCount) mount(root, errorNotice(error));
  }
  finish(mine, id);
}

function showLogin() {
  shell = null;
  shellAccountId = null;
  document.title = '登录 · 红色直播间运营平台';
  // the message stays until the user logs in again: two requests that lose the session render the login twice
  // (the second 401 finds the hash already at #/login and routes at once, then the first's hashchange arrives)
  login.render(app, {
    message: loginMessage,
    onLoggedIn(account) {
      loginMessage = null;
      // back to the page the link pointed at, when it is one for this role
      const wanted = pageById(currentRoute());
      if (wanted && wanted.roles.includes(account.role)) route();
      else go(HOME[account.role] ?? 'password');
    },
  });
  finish(renderCount, 'login');
}

function logOut() {
  // the server revokes the token on every instance (the request takes the token before it is cleared here);
  // the page forgets it whatever the answer
  post('/auth/logout').catch(() => {});
  session.clear();
  go('login');
}

function cleanUp() {
  if (!dispose) return;
  try {
    dispose();
  } finally {
    dispose = null;
  }
}

/** Marks the page as rendered: browser tests wait for it and measure load time from it. */
function finish(mine, id) {
  if (mine !== renderCount) return;
  document.body.dataset.ready = id;
  performance.mark(`redlive:ready:${id}`);
}
