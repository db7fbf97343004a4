// What the live pages share: money and rate formatting, and the counters stream. The stream needs the bearer
// token, which EventSource cannot send, so it is read with fetch() and its SSE frames are parsed here.
import { h } from './dom.js';
import * as session from './session.js';
import { messageFor, NETWORK_MESSAGE } from './problems.js';
import { notice } from './ui.js';

const NUMBER = new Intl.NumberFormat('zh-CN');
const MONEY = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Amounts travel in fen so that sums are exact; people read yuan. */
export function yuan(fen) {
  return fen === undefined || fen === null ? '—' : `¥${MONEY.format(fen / 100)}`;
}

export function count(n) {
  return n === undefined || n === null ? '—' : NUMBER.format(n);
}

/**
 * Large figures as 罗盘 and Chinese readers write them: below 1万 the exact figure, then 1.01万, then 2.35亿 (two
 * decimals, so that a figure that moves by a few percent still moves on screen). The exact figure goes in the title.
 */
export function wanCount(n) {
  if (n === undefined || n === null) return '—';
  return Math.abs(n) < 10_000 ? NUMBER.format(n) : wan(n);
}

export function wanYuan(fen) {
  if (fen === undefined || fen === null) return '—';
  return Math.abs(fen) < 1_000_000 ? yuan(fen) : `¥${wan(fen / 100)}`;
}

function wan(n) {
  return Math.abs(n) < 100_000_000 ? `${MONEY.format(n / 10_000)}万` : `${MONEY.format(n / 100_000_000)}亿`;
}

/** Basis points (1/100 of a percent) as a percent with two decimals. */
export function percent(bp) {
  return bp === undefined || bp === null ? '—' : `${(bp / 100).toFixed(2)}%`;
}

export function duration(seconds) {
  if (seconds === undefined || seconds === null) return '—';
  const m = Math.floor(seconds / 60);
  return m ? `${m} 分 ${seconds % 60} 秒` : `${seconds} 秒`;
}

export const STATUS_LABELS = { scheduled: '未开播', live: '直播中', ended: '已结束' };

/**
 * The figures every live page shows, in the order people asked for them: `format` as the tile shows it (万/亿 when
 * large), `exact` for its title.
 */
export const FIGURES = [
  { key: 'gmvFen', label: '成交额 GMV', format: wanYuan, exact: yuan },
  { key: 'orders', label: '订单数', format: wanCount, exact: count },
  { key: 'concurrentViewers', label: '在线人数', format: wanCount, exact: count },
  { key: 'peakViewers', label: '峰值在线', format: wanCount, exact: count },
  { key: 'uniqueViewers', label: '累计观看人数（估算）', format: wanCount, exact: count },
  { key: 'views', label: '观看次数', format: wanCount, exact: count },
  { key: 'likes', label: '点赞', format: wanCount, exact: count },
  { key: 'newFans', label: '新增粉丝', format: wanCount, exact: count },
  { key: 'conversionBp', label: '转化率', format: percent, exact: percent },
  { key: 'uvValueFen', label: 'UV 价值', format: wanYuan, exact: yuan },
  { key: 'gpmFen', label: 'GPM 千次观看成交额', format: wanYuan, exact: yuan },
];

const STREAM_RETRY_MS = 2_000;
// the server sends a frame every second; this long without one means the connection hung without closing
const STREAM_STALL_MS = 6_000;

/**
 * Follows a session's counters. `onCounters(json)` gets every "counters" frame; `onState(state, message)` hears
 * 'open', 'lost' (reconnecting), 'unavailable' (the server cannot read the counters right now), 'ended' (the
 * session ended; the stream stops) and 'refused' (a 4xx, or the account was disabled or logged out: retrying would
 * not help). Returns the function that stops it and aborts the request.
 */
export function followCounters(sessionId, { onCounters, onFeed = () => {}, onState = () => {} }) {
  let stopped = false;
  let controller = null;
  let retry = null;
  let lastFrame = Date.now();
  const watchdog = setInterval(() => {
    if (controller && Date.now() - lastFrame > STREAM_STALL_MS) controller.abort();
  }, 1_000);

  async function connect() {
    controller = new AbortController();
    lastFrame = Date.now();
    try {
      const response = await fetch(`/api/v1/live/sessions/${sessionId}/stream`, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.token()}` },
        signal: controller.signal,
      });
      if (response.status >= 400 && response.status < 500) {
        const problem = await response.json().catch(() => null);
        onState('refused', messageFor(response.status, problem));
        return stop();
      }
      if (!response.ok) throw new Error(`stream ${response.status}`);
      onState('open');
      let renew = false;
      await readFrames(response.body, (event, data) => {
        lastFrame = Date.now();
        if (event === 'counters') {
          onState('open');
          onCounters(JSON.parse(data));
        } else if (event === 'feed') {
          onFeed(JSON.parse(data));
        } else if (event === 'unavailable') {
          onState('unavailable');
        } else if (event === 'ended') {
          stop();
          onState('ended');
        } else if (event === 'closed') {
          stop();
          onState('refused', messageFor(401, { type: `/problems/${JSON.parse(data).reason}` }));
        } else if (event === 'reconnect') {
          renew = true;
        }
      });
      // the server ends every stream after a while (it bounds what a connection may hold): reconnect quietly
      if (renew && !stopped) return connect();
    } catch {
      // aborted by the watchdog, or the network dropped: both end up reconnecting below
    }
    if (stopped) return;
    onState('lost', NETWORK_MESSAGE);
    retry = setTimeout(connect, STREAM_RETRY_MS);
  }

  function stop() {
    stopped = true;
    clearInterval(watchdog);
    clearTimeout(retry);
    controller?.abort();
  }

  connect();
  return stop;
}

/** Calls `onFrame(event, data)` for each SSE frame (frames end with a blank line) until the body ends. */
async function readFrames(body, onFrame) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer = (buffer + value).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onFrame(event, data.join('\n'));
    }
  }
}

/**
 * One tile per figure; `update(counters)` rewrites only the numbers so that a page refreshed every second
 * does not flicker. `prefix` names the tiles for tests (data-testid="<prefix>-likes"); each value keeps the raw
 * figure in data-value and the exact one in its title.
 */
export function figureTiles(prefix, className = 'stats') {
  const values = {};
  const el = h('div', { class: className },
    FIGURES.map(({ key, label }) => h('div', { class: 'stat' },
      h('div', { class: 'label' }, label),
      values[key] = h('div', { class: 'value', 'data-testid': `${prefix}-${testName(key)}` }, '—'))));
  return {
    el,
    update(counters) {
      for (const { key, format, exact } of FIGURES) {
        const value = counters?.[key];
        const el = values[key];
        el.textContent = format(value);
        el.title = exact(value);
        el.dataset.value = value ?? '';
      }
    },
  };
}

/** gmvFen -> gmv, conversionBp -> conversion: the names tests and people use, without the unit. */
function testName(key) {
  return key.replace(/(Fen|Bp)$/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** What the viewer is told about the stream; nothing while it flows. */
export function streamNotice(state, message) {
  if (state === 'lost') return notice('error', '连接中断，正在重连…');
  if (state === 'unavailable') return notice('error', '实时数据暂不可用，稍后自动恢复。');
  if (state === 'refused') return notice('error', message);
  if (state === 'ended') return notice('info', '本场直播已结束。');
  return null;
}

const FEED_SHOWN = 10;

/**
 * The rolling feed of orders and comments, newest first, at most ten: `show(items)` replaces it (the session's own
 * feed), `add(frame)` takes a stream's feed frame (new entries, or all of them when `replace`). Names arrive masked.
 */
export function feedList(prefix, names = new Map()) {
  let items = [];
  const el = h('ol', { class: 'live-feed', 'aria-label': '实时订单与评论', 'data-testid': `${prefix}-feed` });
  const draw = () => {
    el.replaceChildren(...(items.length ? items.map((item) => feedItem(item, names))
      : [h('li', { class: 'hint' }, '还没有订单或评论')]));
  };
  draw();
  return {
    el,
    show(list) { items = (list ?? []).slice(0, FEED_SHOWN); draw(); },
    add({ items: fresh = [], replace = false }) {
      const known = new Set(items.map((i) => i.seq));
      items = (replace ? fresh : [...fresh.filter((i) => !known.has(i.seq)), ...items])
        .sort((a, b) => b.seq - a.seq).slice(0, FEED_SHOWN);
      draw();
    },
  };
}

function feedItem(item, names) {
  const time = new Date(item.at).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  if (item.kind === 'order') {
    return h('li', { class: 'order', 'data-seq': item.seq },
      h('span', { class: 'who' }, item.name),
      h('span', { class: 'what' }, `下单 ${names.get(item.productId) ?? `商品 #${item.productId}`} ×${item.quantity}`),
      h('span', { class: 'amount' }, yuan(item.amountFen)),
      h('span', { class: 'hint' }, time));
  }
  return h('li', { class: 'comment', 'data-seq': item.seq },
    h('span', { class: 'who' }, item.name),
    h('span', { class: 'what' }, item.text ? `评论：${item.text}` : '发表了评论'),
    h('span', { class: 'amount' }),
    h('span', { class: 'hint' }, time));
}
