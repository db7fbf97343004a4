// What the product pages share: review status labels and tags, and one product's selling figures.
import { h, mount } from './dom.js';
import * as api from './api.js';
import { percent, yuan } from './live.js';
import { dateTime, errorNotice, loading } from './ui.js';

export const STATUS_LABELS = { pending: '待审核', approved: '已通过', rejected: '已驳回', delisted: '已下架' };
export const STATUS_OPTIONS = Object.entries(STATUS_LABELS);
const DECISIONS = { approved: '通过', rejected: '驳回', delisted: '下架' };

export function statusTag(product) {
  return h('span', { class: `tag product-${product.status}` }, STATUS_LABELS[product.status] ?? product.status);
}

/** An approved product whose partner changed what it sells keeps selling; the change waits here. */
export function revisionNote(product) {
  return product.pendingRevision
    ? h('span', { class: 'tag warn', title: '修改已提交，审核通过前仍按原内容销售' }, '修改待审核')
    : null;
}

export function priceAndCommission(product) {
  return `${yuan(product.priceFen)} · 佣金 ${percent(product.commissionBp)}`;
}

/** A product's review decisions, oldest first, into box (the partner's products and the manager's queue). */
export async function showDecisions(product, box) {
  mount(box, loading('正在加载审核记录…'));
  try {
    const { items } = await api.get(`/products/${product.id}/decisions`);
    mount(box, items.length
      ? h('ol', { class: 'decision-list' }, items.map((d) => h('li', {},
        `${dateTime(d.decidedAt)} ${d.decidedBy?.displayName ?? ''} ${DECISIONS[d.decision] ?? d.decision}`
          + `${d.ofRevision ? '（修改）' : ''}${d.reason ? `：${d.reason}` : ''}`)))
      : h('p', { class: 'hint' }, `还没有审核记录，当前状态：${STATUS_LABELS[product.status] ?? product.status}。`));
  } catch (error) {
    mount(box, errorNotice(error));
  }
}
