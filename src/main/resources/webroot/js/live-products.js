// A live session's figures per product (README "Metrics", per product): while live, GMV per product from the
// session's counters; once settled, orders, quantity, GMV and refunds per product from the ledger. The counters
// name products by id only, so each name is read from the catalog once per page and filled in when it arrives.
import { h, mount } from './dom.js';
import * as api from './api.js';
import { count, yuan } from './live.js';

const names = new Map();

function nameInto(cell, productId) {
  if (!names.has(productId)) names.set(productId, api.get(`/products/${productId}`).then((p) => p.name).catch(() => null));
  names.get(productId).then((name) => { if (name) cell.textContent = name; });
}

const LIVE = [['成交额', (p) => yuan(p.gmvFen)]];
const SETTLED = [
  ['订单数', (p) => count(p.orders)],
  ['件数', (p) => count(p.quantity)],
  ['成交额', (p) => yuan(p.gmvFen)],
  ['退款', (p) => yuan(p.refundFen)],
];

/** A table `update(products)` rewrites each frame; `settled` adds orders, quantity and refunds. */
export function productFigures(prefix, { settled = false } = {}) {
  const columns = settled ? SETTLED : LIVE;
  const body = h('tbody', {});
  const el = h('div', { class: 'table-wrap', 'data-testid': `${prefix}-products` },
    h('table', { class: 'data stack', 'aria-label': '分商品成交' },
      h('thead', {}, h('tr', {}, h('th', {}, '商品'), columns.map(([label]) => h('th', { class: 'num' }, label)))),
      body));
  return {
    el,
    update(products) {
      const list = products ?? [];
      if (!list.length) {
        mount(body, h('tr', {}, h('td', { colspan: columns.length + 1, class: 'hint' }, '暂无商品成交')));
        return;
      }
      mount(body, list.map((p) => {
        const name = h('td', { 'data-label': '商品' }, `商品 #${p.productId}`);
        nameInto(name, p.productId);
        return h('tr', { dataset: { productId: p.productId } }, name,
          columns.map(([label, format]) => h('td', { 'data-label': label, class: 'num' }, format(p))));
      }));
    },
  };
}
