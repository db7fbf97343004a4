// 直播场次 (managers): every streamer's sessions; schedule one for a streamer, start and end it, open the big
// screen of a live one, read the settled results of an ended one.
import { h } from '../dom.js';
import * as api from '../api.js';
import { sessionList } from '../live-sessions.js';

export async function render(root) {
  // the streamer picker of the schedule form: active streamer accounts only, a base has a few dozen
  const streamers = (await api.get('/accounts', { role: 'streamer', status: 'active', size: 200 })).items;
  sessionList(root, {
    title: '直播场次',
    streamers,
    liveActions: (s) => h('a', { class: 'btn small primary', href: `#/big-screen?session=${s.id}` }, '打开大屏'),
  });
}
