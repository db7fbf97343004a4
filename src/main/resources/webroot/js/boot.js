// Runs as soon as its few imports arrive, before app.js and the rest of the shell: on a reload or a link into the
// app, a signed-in user's page module and, for pages that draw charts, the chart library start downloading while
// the shell's modules are still on the wire, instead of one after the other.
// Nothing depends on it: app.js loads the same modules (the browser keeps one instance of each) either way.
import { current } from './session.js';
import { currentRoute } from './router.js';
import { HOME, loadPage, pageById } from './pages/registry.js';

const role = current()?.account?.role;
const page = role ? pageById(currentRoute()) ?? pageById(HOME[role]) : null;
if (page?.roles.includes(role)) loadPage(page).catch(() => {}); // app.js shows the failure when it loads the page
