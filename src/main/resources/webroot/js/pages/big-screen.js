// 大屏 (managers): one live session full screen on a dark background, for the wall of the base's control room.
// The numbers and the per-minute chart move with every frame of the counters stream (about once a second);
// today's streamer ranking and the session's status are polled every 5 s.
// #/big-screen?session=<id>; without an id, a picker of live sessions.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { drawChart, loadECharts } from '../charts.js';
import { count, figureTiles, followCounters, streamNotice, yuan } from '../live.js';
import { empty, errorNotice, notice } from '../ui.js';

const POLL_MS = 5_000;

export async function render(root) {
  const id = Number(new URLSearchParams(location.hash.split('?')[1] ?? '').get('session'));
  if (!id) return picker(root);

  const [session] = await Promise.all([api.get(`/live/sessions/${id}`), loadECharts()]);
  const tiles = figureTiles('big', 'big-figures');
  const state = h('div', { class: 'big-state', role: 'status', 'data-testid': 'stream-state' });
  const chartEl = h('div', { class: 'big-chart', role: 'img', 'aria-label': '每分钟成交额与在线人数折线图' });
  const ranking = h('ol', { class: 'big-ranking', 'aria-label': '今日主播排行' });

  mount(root, h('div', { class: 'big-screen', 'data-testid': 'big-screen' },
    h('header', {},
      h('h1', {}, session.title),
      h('div', { class: 'who' }, session.streamerName ?? ''),
      h('div', { class: 'clock', 'data-testid': 'big-updated' }),
      h('a', { class: 'btn small', href: '#/sessions' }, '退出大屏')),
    state,
    tiles.el,
    h('div', { class: 'big-lower' },
      h('section', {}, h('h2', {}, '每分钟成交额与在线人数'), chartEl),
      h('section', {}, h('h2', {}, '今日主播排行'), ranking))));

  if (session.status !== 'live') {
    mount(state, empty(session.status === 'ended' ? '本场已结束' : '本场尚未开播',
      '大屏只显示直播中的场次，请回到「直播场次」选择一场直播。'));
    return null;
  }
  tiles.update(session.live);

  const releaseChart = await drawChart(chartEl, chartOption());
  const chart = window.echarts.getInstanceByDom(chartEl);
  const updated = root.querySelector('[data-testid=big-updated]');
  let ended = false;
  const stopStream = followCounters(id, {
    onCounters(counters) {
      tiles.update(counters);
      chart.setOption({ xAxis: { data: minutes(counters) }, series: seriesOf(counters) });
      updated.textContent = `更新于 ${new Date(counters.at ?? Date.now()).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`;
    },
    onState: (s, message) => {
      if (s === 'ended') checkEnded();
      else if (!ended) mount(state, streamNotice(s, message));
    },
  });

  // the stream ends with the session (and polling catches an end the stream missed): the screen switches to the
  // settled figures instead of showing counters that drop to zero
  async function checkEnded() {
    const now = await api.get(`/live/sessions/${id}`).catch(() => null);
    if (now?.status !== 'ended' || ended) return;
    ended = true;
    stopStream();
    if (now.results) tiles.update(now.results);
    mount(state, notice('info', now.results ? '本场直播已结束，以下为结算数据。' : '本场直播已结束，结算完成后可在「直播场次」查看结果。'));
  }

  async function refreshRanking() {
    try {
      const board = await api.get('/live/leaderboard', { by: 'streamer' });
      mount(ranking, board.items.length
        ? board.items.slice(0, 10).map((item) => h('li', {},
          h('span', { class: 'rank' }, item.rank), h('span', { class: 'name' }, item.name),
          h('span', { class: 'gmv' }, yuan(item.gmvFen)), h('span', { class: 'hint' }, `${count(item.sessions)} 场`)))
        : h('li', { class: 'hint' }, '今天还没有成交'));
    } catch (error) {
      mount(ranking, h('li', {}, errorNotice(error)));
    }
  }
  const refresh = () => {
    refreshRanking();
    checkEnded();
  };
  refresh();
  const rankingTimer = setInterval(refresh, POLL_MS);

  return () => {
    stopStream();
    clearInterval(rankingTimer);
    releaseChart();
  };
}

/** Minutes of the session as HH:mm in Beijing time; both series share them. */
function minutes(counters) {
  const gmv = counters.series?.gmvFenPerMinute ?? [];
  const viewers = counters.series?.viewersPerMinute ?? [];
  // ISO instants of whole minutes sort as text
  return [...new Set([...gmv, ...viewers].map((p) => p.minute))].sort();
}

function seriesOf(counters) {
  const axis = minutes(counters);
  const pick = (points, scale) => {
    const byMinute = new Map(points.map((p) => [p.minute, p.value]));
    return axis.map((m) => (byMinute.has(m) ? byMinute.get(m) / scale : 0));
  };
  return [
    { name: '成交额（元）', data: pick(counters.series?.gmvFenPerMinute ?? [], 100) },
    { name: '在线人数', data: pick(counters.series?.viewersPerMinute ?? [], 1) },
  ];
}

function chartOption() {
  const text = '#e8e3d8';
  return {
    backgroundColor: 'transparent',
    textStyle: { color: text },
    tooltip: { trigger: 'axis' },
    legend: { data: ['成交额（元）', '在线人数'], textStyle: { color: text } },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [], axisLabel: { color: text, formatter: minuteLabel } },
    yAxis: [
      { type: 'value', name: '元', axisLabel: { color: text }, splitLine: { lineStyle: { color: '#3a2a2a' } } },
      { type: 'value', name: '人', minInterval: 1, axisLabel: { color: text }, splitLine: { show: false } },
    ],
    series: [
      { name: '成交额（元）', type: 'line', smooth: true, symbolSize: 6, areaStyle: { opacity: 0.2 }, data: [] },
      { name: '在线人数', type: 'line', smooth: true, symbolSize: 6, yAxisIndex: 1, data: [] },
    ],
  };
}

function minuteLabel(minute) {
  const d = new Date(minute);
  return Number.isNaN(d.getTime()) ? String(minute)
    : d.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** Without a session id: the live sessions, each a link to its big screen. */
async function picker(root) {
  const live = await api.get('/live/sessions', { status: 'live', size: 50 });
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '大屏')),
    h('section', { class: 'card' },
      h('h2', {}, '选择直播中的场次'),
      live.items.length
        ? h('ul', { class: 'picker', 'aria-label': '直播中的场次' }, live.items.map((s) => h('li', {},
          h('a', { href: `#/big-screen?session=${s.id}` }, `${s.title} · ${s.streamerName ?? ''}`))))
        : empty('现在没有直播中的场次', '在「直播场次」开播后，这里会列出可以打开大屏的场次。',
          h('a', { class: 'btn', href: '#/sessions' }, '去直播场次'))));
}
