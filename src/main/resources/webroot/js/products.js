// What the product pages share: review status labels and tags, and one product's selling figures.
import { h, mount } from './dom.js';
import * as api from './api.js';
import { count, percent, yuan } from './live.js';
import { dateTime, empty, errorNotice, loading } from './ui.js';

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

/** What a brand partner whose account is not linked to a brand yet sees instead of an error: who can fix it. */
export function noBrandYet(thenWhat) {
  return empty('您的账号还没有关联品牌', `请联系基地管理员把您的账号加入品牌，之后${thenWhat}。`);
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

/**
 * Products by how many selection lists picked them (GET /selection/products): managers see every brand's, a
 * brand partner only their own; withBrand adds the brand column for the manager's view; from/to (yyyy-MM-dd) count
 * only the lists for sessions planned within them.
 */
export async function showMostSelected(box, { limit = 20, withBrand = false, from, to } = {}) {
  mount(box, loading('正在加载选品情况…'));
  try {
    const { items } = await api.get('/selection/products', { limit, from, to });
    if (!items.length && (from || to)) {
      mount(box, empty('这段时间的场次还没有选品', '换一个时间段，或选「全部场次」看所有选品单。'));
      return;
    }
    if (!items.length) {
      mount(box, empty('还没有商品被选入选品单', withBrand
        ? '主播在「我的选品」中为待播场次挑选已通过审核的商品后，这里按入选次数排列。'
        : '商品通过基地审核后，主播就能把它选入直播场次；被选中后会显示在这里。'));
      return;
    }
    const heads = ['排名', '商品', withBrand ? '品牌' : null, '售价 · 佣金', '入选选品单', '选品主播', '最近场次', '状态'];
    mount(box, h('div', { class: 'table-wrap' }, h('table', { class: 'data stack', 'aria-label': '商品入选情况' },
      h('thead', {}, h('tr', {}, heads.filter(Boolean).map((t) => h('th', {}, t)))),
      h('tbody', {}, items.map((p, i) => h('tr', { dataset: { sku: p.sku } },
        h('td', { 'data-label': '排名' }, i + 1),
        h('td', { 'data-label': '商品' }, p.name, h('div', { class: 'hint' }, p.sku)),
        withBrand ? h('td', { 'data-label': '品牌' }, p.brandName) : null,
        h('td', { 'data-label': '售价 · 佣金' }, priceAndCommission(p)),
        h('td', { 'data-label': '入选选品单' }, `${count(p.lists)} 张`),
        h('td', { 'data-label': '选品主播' }, `${count(p.streamers)} 位`),
        h('td', { 'data-label': '最近场次' }, p.lastPlannedDate),
        h('td', { 'data-label': '状态' }, statusTag(p))))))));
  } catch (error) {
    mount(box, error.slug === 'no-brand' ? noBrandYet('这里显示哪些商品被主播选中') : errorNotice(error));
  }
}
