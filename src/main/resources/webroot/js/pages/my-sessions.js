// 我的直播 (streamers): their own sessions, scheduled, started and ended by themselves; while one is live its
// counters move here every second from the same stream the big screen reads.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { sessionList } from '../live-sessions.js';
import { feedList, figureTiles, followCounters, streamNotice } from '../live.js';
import { productFigures } from '../live-products.js';

export async function render(root) {
  const livePanel = h('div', {});
  let stop = () => {};
  let left = false;

  async function showLive() {
    stop();
    stop = () => {};
    const live = (await api.get('/live/sessions', { status: 'live', size: 1 }).catch(() => ({ items: [] }))).items[0];
    // the streamer may have left the page while the list was loading: no stream nobody would stop
    if (left || !live) return mount(livePanel);
    const tiles = figureTiles('mine');
    const products = productFigures('mine');
    const state = h('div', { role: 'status', 'data-testid': 'stream-state' });
    const feed = feedList('mine');
    mount(livePanel, h('section', { class: 'card live-now', 'data-testid': 'live-now' },
      h('div', { class: 'card-head' }, h('h2', {}, `正在直播 · ${live.title}`), h('span', { class: 'tag live' }, '实时')),
      state, tiles.el, h('h3', {}, '分商品成交'), products.el, h('h3', {}, '实时订单与评论'), feed.el));
    feed.show(live.live?.feed);
    tiles.update(live.live);
    products.update(live.live?.products);
    stop = followCounters(live.id, {
      onCounters: (counters) => {
        tiles.update(counters);
        products.update(counters.products);
      },
      onFeed: (frame) => feed.add(frame),
      onState: (s, message) => mount(state, streamNotice(s, message)),
    });
  }

  sessionList(root, { title: '我的直播', top: livePanel, onChange: showLive });
  await showLive();
  return () => {
    left = true;
    stop();
  };
}
