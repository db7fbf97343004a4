// Every page of the app, in menu order, in one place. To add a page: write pages/<id>.js exporting
// `render(root, ctx)` (it may return a function that cleans up timers or charts), then list it here.

import { preloadECharts } from '../charts.js';

const ALL = ['manager', 'streamer', 'brand_partner', 'ingest'];

export const PAGES = [
  // base manager
  // the overview is timed: the modules it imports download beside it, not one after another (a waterfall)
  { id: 'overview', title: '总览', roles: ['manager'], load: () => Promise.all([import('./overview.js'), import('../sales.js'), import('../live.js')]).then(([page]) => page) },
  // issue 6: sales rankings, team comparison, targets behind, exports and the import of outside sales
  { id: 'rankings', title: '业绩排名', roles: ['manager'], charts: true, load: () => import('./rankings.js') },
  // issue 3: streamers, teams, party, study
  { id: 'streamers', title: '主播与团队', roles: ['manager'], load: () => import('./streamers.js') },
  { id: 'party', title: '党员发展', roles: ['manager'], load: () => import('./party.js') },
  { id: 'screening', title: '红色直播间筛选', roles: ['manager'], load: () => import('./screening.js') },
  // issue 4: brands, products, catalog, selection
  { id: 'product-review', title: '商品审核', roles: ['manager'], load: () => import('./product-review.js') },
  { id: 'popular-products', title: '热门选品', roles: ['manager'], load: () => import('./popular-products.js') },
  // issue 6: sales, enterprises, targets
  { id: 'enterprises', title: '企业与目标', roles: ['manager'], charts: true, load: () => import('./enterprises.js') },
  // issue 5: live sessions and counters
  { id: 'sessions', title: '直播场次', roles: ['manager'], load: () => import('./sessions.js') },
  { id: 'big-screen', title: '大屏', roles: ['manager'], charts: true, load: () => import('./big-screen.js') },
  { id: 'accounts', title: '账号管理', roles: ['manager'], load: () => import('./accounts.js') },

  // streamer
  { id: 'my-performance', title: '我的业绩', roles: ['streamer'], charts: true, load: () => import('./my-performance.js') },
  { id: 'my-sessions', title: '我的直播', roles: ['streamer'], load: () => import('./my-sessions.js') },
  { id: 'my-study', title: '学习进度', roles: ['streamer'], load: () => import('./my-study.js') },
  { id: 'my-selection', title: '我的选品', roles: ['streamer'], load: () => import('./my-selection.js') },

  // brand partner
  { id: 'catalog-upload', title: '商品目录上传', roles: ['brand_partner'], load: () => import('./catalog-upload.js') },
  { id: 'my-products', title: '我的商品', roles: ['brand_partner'], load: () => import('./my-products.js') },
  { id: 'my-sales', title: '销售情况', roles: ['brand_partner'], charts: true, load: () => import('./my-sales.js') },

  // everyone, from the top bar rather than the menu
  { id: 'password', title: '修改密码', roles: ALL, load: () => import('./password.js'), inMenu: false },
];

/** Where each role lands after logging in. */
export const HOME = {
  manager: 'overview',
  streamer: 'my-performance',
  brand_partner: 'catalog-upload',
  ingest: 'password',
};

/** Loads a page's module; a page that draws charts downloads the chart library beside it, not after it. */
export function loadPage(page) {
  if (page.charts) preloadECharts();
  return page.load();
}

export function pageById(id) {
  return PAGES.find((page) => page.id === id) ?? null;
}

export function menuFor(role) {
  return PAGES.filter((page) => page.inMenu !== false && page.roles.includes(role));
}
