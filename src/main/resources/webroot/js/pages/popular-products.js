// 热门选品 (managers): which approved products streamers pick most for their sessions, across all brands, with how
// many lists and streamers chose each and the latest planned session; helps decide what to promote or restock.
import { h, mount } from '../dom.js';
import { showMostSelected } from '../products.js';

const SIZES = [20, 50, 100];

export async function render(root) {
  const listArea = h('div', {});
  const size = h('select', { name: 'limit', 'aria-label': '显示前多少个商品' },
    SIZES.map((n) => h('option', { value: n }, `前 ${n} 个`)));
  size.addEventListener('change', () => showMostSelected(listArea, { limit: Number(size.value), withBrand: true }));
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '热门选品'), size),
    h('p', { class: 'hint' }, '按被选入选品单的次数排列，统计所有主播的选品单。'),
    h('section', { class: 'card' }, listArea));
  await showMostSelected(listArea, { limit: SIZES[0], withBrand: true });
}
