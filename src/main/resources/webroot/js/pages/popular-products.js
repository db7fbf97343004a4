// 热门选品 (managers): which approved products streamers pick most for their sessions, across all brands, with how
// many lists and streamers chose each and the latest planned session; helps decide what to promote or restock.
// A period counts only the lists for sessions planned within it (days at the base, Asia/Shanghai).
import { h, mount } from '../dom.js';
import { showMostSelected } from '../products.js';
import { addDays, lastDayOf, thisMonth, todayInBase } from '../sales.js';

const SIZES = [20, 50, 100];
const PERIODS = [
  ['all', '全部场次', () => ({})],
  ['upcoming', '今天及以后的场次', () => ({ from: todayInBase() })],
  ['last30', '近 30 天的场次', () => ({ from: addDays(todayInBase(), -29), to: todayInBase() })],
  ['month', '本月场次', () => ({ from: `${thisMonth()}-01`, to: lastDayOf(thisMonth()) })],
];

export async function render(root) {
  const listArea = h('div', {});
  const size = h('select', { name: 'limit', 'aria-label': '显示前多少个商品' },
    SIZES.map((n) => h('option', { value: n }, `前 ${n} 个`)));
  const period = h('select', { name: 'period', 'aria-label': '统计哪些场次' },
    PERIODS.map(([key, label]) => h('option', { value: key }, label)));
  const show = () => showMostSelected(listArea, {
    limit: Number(size.value), withBrand: true, ...PERIODS.find(([key]) => key === period.value)[2]() });
  size.addEventListener('change', show);
  period.addEventListener('change', show);
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '热门选品')),
    h('p', { class: 'hint' }, '按被选入选品单的次数排列，统计所有主播的选品单；可只看某段时间的场次。'),
    h('section', { class: 'card' }, h('div', { class: 'filters' }, period, size), listArea));
  await show();
}
