// 大屏 (managers): one live session full screen on a dark background, for the wall of the base's control room.
// The numbers and the per-minute chart move with every frame of the counters stream (about once a second);
// today's streamer ranking and the session's status are polled every 5 s.
// #/big-screen?session=<id>; without an id, a picker of live sessions.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { drawChart, loadECharts } from '../charts.js';
import { count, feedList, figureTiles, followCounters, percent, streamNotice, wanCount, wanYuan, yuan } from '../live.js';
import { empty, errorNotice, notice } from '../ui.js';

const POLL_MS = 5_000;

export async function render(root) {
  const id = Number(new URLSearchParams(location.hash.split('?')[1] ?? '').get('session'));
  if (!id) return picker(root);

  const [session] = await Promise.all([api.get(`/live/sessions/${id}`), loadECharts()]);
  const names = productNames(session.productIds ?? []);
  const tiles = figureTiles('big', 'big-figures');
  const state = h('div', { class: 'big-state', role: 'status', 'data-testid': 'stream-state' });
  const chartEl = h('div', { class: 'big-chart', role: 'img', 'aria-label': '每分钟成交额与在线人数折线图' });
  const ranking = h('ol', { class: 'big-ranking', 'aria-label': '今日主播排行' });
  const products = h('ol', { class: 'big-products', 'aria-label': '商品成交 TOP', 'data-testid': 'big-products' });
  const feed = feedList('big', names);
  const funnel = h('div', { class: 'big-funnel', 'data-testid': 'big-funnel' });
  const onAir = h('div', { class: 'on-air', 'data-testid': 'big-on-air' });
  const screen = h('div', { class: 'big-screen', 'data-testid': 'big-screen' },
    h('header', {},
      h('h1', {}, session.title),
      h('div', { class: 'who' }, session.streamerName ?? ''),
      onAir,
      h('div', { class: 'clock', 'data-testid': 'big-updated' }),
      // the wall screen of the control room: the browser's own full screen, without its bars
      document.fullscreenEnabled ? h('button', { class: 'btn small', type: 'button', 'data-testid': 'big-fullscreen',
        onclick: () => (document.fullscreenElement ? document.exitFullscreen() : screen.requestFullscreen()) }, '全屏') : null,
      h('a', { class: 'btn small', href: '#/sessions' }, '退出大屏')),
    state,
    tiles.el,
    h('div', { class: 'big-lower' },
      h('section', { class: 'big-trend' }, h('h2', {}, '每分钟成交额与在线人数'), chartEl),
      h('section', {}, h('h2', {}, '商品成交 TOP'), products, h('h2', {}, '转化漏斗'), funnel),
      h('section', {}, h('h2', {}, '今日主播排行'), ranking),
      h('section', { class: 'big-feed' }, h('h2', {}, '实时订单与评论'), feed.el)));
  mount(root, screen);

  if (session.status !== 'live') {
    mount(state, empty(session.status === 'ended' ? '本场已结束' : '本场尚未开播',
      '大屏只显示直播中的场次，请回到「直播场次」选择一场直播。'));
    return null;
  }
  const showFigures = (counters) => {
    tiles.update(counters);
    productTop(products, counters, names);
    funnelOf(funnel, counters);
  };
  showFigures(session.live);
  feed.show(session.live?.feed);

  // time on air from the session's start, every second, beside the clock
  const started = Date.parse(session.startedAt);
  const tick = () => { onAir.textContent = Number.isNaN(started) ? '' : `已播 ${onAirText(Date.now() - started)}`; };
  tick();
  const onAirTimer = setInterval(tick, 1_000);

  const releaseChart = await drawChart(chartEl, chartOption());
  const chart = window.echarts.getInstanceByDom(chartEl);
  const updated = root.querySelector('[data-testid=big-updated]');
  let ended = false;
  const stopStream = followCounters(id, {
    onCounters(counters) {
      showFigures(counters);
      chart.setOption({ xAxis: { data: minutes(counters) }, series: seriesOf(counters) });
      updated.textContent = `更新于 ${new Date(counters.at ?? Date.now()).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`;
    },
    onFeed: (frame) => feed.add(frame),
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
    clearInterval(onAirTimer);
    if (now.results) tiles.update(now.results);
    mount(state, notice('info', now.results ? '本场直播已结束，以下为结算数据。' : '本场直播已结束，结算完成后可在「直播场次」查看结果。'));
  }

  async function refreshRanking() {
    try {
      const board = await api.get('/live/leaderboard', { by: 'streamer' });
      mount(ranking, board.items.length
        ? board.items.slice(0, 10).map((item) => h('li', {},
          h('span', { class: 'rank' }, item.rank), h('span', { class: 'name' }, item.name),
          h('span', { class: 'gmv', title: yuan(item.gmvFen) }, wanYuan(item.gmvFen)), h('span', { class: 'hint' }, `${count(item.sessions)} 场`)))
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
    clearInterval(onAirTimer);
    releaseChart();
  };
}

/** The session's products by id, their names filled in as they arrive; a product that cannot be read keeps its id. */
function productNames(ids) {
  const names = new Map();
  for (const productId of ids) {
    api.get(`/products/${productId}`).then((p) => names.set(productId, p.name), () => {});
  }
  return names;
}

const PRODUCTS_SHOWN = 5;

/** Products by GMV in this session, largest first, each with its share of the session's GMV. */
function productTop(el, counters, names) {
  const rows = counters?.products ?? [];
  const total = counters?.gmvFen ?? 0;
  if (!rows.length) return mount(el, h('li', { class: 'hint' }, '还没有成交'));
  return mount(el, rows.slice(0, PRODUCTS_SHOWN).map((p, i) => h('li', { 'data-value': p.gmvFen },
    h('span', { class: 'rank' }, i + 1),
    h('span', { class: 'name' }, names.get(p.productId) ?? `商品 #${p.productId}`),
    h('span', { class: 'gmv', title: yuan(p.gmvFen) }, wanYuan(p.gmvFen)),
    h('span', { class: 'hint' }, total ? `${Math.round((100 * p.gmvFen) / total)}%` : ''))));
}

/** 进入 → 互动 → 成交: who came in, what they did, who bought; bars against those who came in. */
function funnelOf(el, counters) {
  const entered = counters?.uniqueViewers ?? 0;
  const steps = [
    ['进入直播间', wanCount(entered), '人', entered],
    ['互动（评论、分享）', wanCount((counters?.comments ?? 0) + (counters?.shares ?? 0)), '次', (counters?.comments ?? 0) + (counters?.shares ?? 0)],
    ['成交', wanCount(counters?.buyers ?? 0), '人', counters?.buyers ?? 0],
  ];
  mount(el,
    steps.map(([label, shown, unit, n]) => h('div', { class: 'step' },
      h('span', { class: 'label' }, label),
      h('span', { class: 'bar-track' }, h('span', { class: 'bar', style: `width:${entered ? Math.min(100, (100 * n) / entered) : 0}%` })),
      h('span', { class: 'value' }, `${shown} ${unit}`))),
    h('div', { class: 'hint' }, `成交转化率 ${percent(counters?.conversionBp)} · GPM ${wanYuan(counters?.gpmFen)}`));
}

/** 1:02:03 or 12:34, as a stopwatch reads. */
function onAirText(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  return `${hours ? `${hours}:` : ''}${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
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
      { type: 'value', name: '元', min: 0, axisLabel: { color: text, formatter: wanCount }, splitLine: { lineStyle: { color: '#3a2a2a' } } },
      { type: 'value', name: '人', min: 0, minInterval: 1, axisLabel: { color: text, formatter: wanCount }, splitLine: { show: false } },
    ],
    series: [
      { name: '成交额（元）', type: 'line', symbolSize: 6, areaStyle: { opacity: 0.2 }, data: [] },
      { name: '在线人数', type: 'line', symbolSize: 6, yAxisIndex: 1, data: [] },
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
