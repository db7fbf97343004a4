// 我的商品 (brand partners): their brand's products with review status, rejection reasons and the decision
// history; filter by status and name, page through; below, which of them streamers picked for their sessions.
// New products arrive from 商品目录上传.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { count } from '../live.js';
import { dateTime, empty, errorNotice, loading, pager } from '../ui.js';
import { noBrandYet, priceAndCommission, revisionNote, showDecisions, showMostSelected, STATUS_OPTIONS, statusTag } from '../products.js';

const PAGE_SIZE = 20;

export async function render(root) {
  const filter = { status: '', q: '', page: 1 };
  const listArea = h('div', {});
  const selectedArea = h('div', {});
  const status = h('select', { name: 'status', 'aria-label': '按审核状态筛选' },
    h('option', { value: '' }, '全部状态'), STATUS_OPTIONS.map(([code, label]) => h('option', { value: code }, label)));
  const q = h('input', { name: 'q', type: 'search', placeholder: '商品名称，如 枸杞', maxlength: 60, 'aria-label': '搜索商品名称' });
  const form = h('form', { class: 'filters', role: 'search' }, status, q, h('button', { class: 'btn', type: 'submit' }, '查询'));
  status.addEventListener('change', () => apply());
  form.addEventListener('submit', (event) => { event.preventDefault(); apply(); });

  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '我的商品'), h('a', { class: 'btn primary', href: '#/catalog-upload' }, '上传商品目录')),
    h('section', { class: 'card' }, form, listArea),
    h('section', { class: 'card', 'data-testid': 'selected-products' },
      h('div', { class: 'card-head' }, h('h2', {}, '被主播选中的商品')), selectedArea));

  function apply() {
    Object.assign(filter, { status: status.value, q: q.value.trim(), page: 1 });
    load();
  }

  async function load() {
    mount(listArea, loading('正在加载商品…'));
    try {
      const result = await api.get('/products', { status: filter.status, q: filter.q, page: filter.page, size: PAGE_SIZE });
      mount(listArea, result.items.length ? table(result.items) : emptyList(),
        pager(result, '个商品', (page) => { filter.page = page; load(); }));
    } catch (error) {
      if (error.slug === 'no-brand') {
        mount(root, h('div', { class: 'page-head' }, h('h1', {}, '我的商品')),
          h('section', { class: 'card' }, noBrandYet('这里显示品牌的商品、审核状态和入选情况')));
      } else {
        mount(listArea, errorNotice(error));
      }
    }
  }

  function emptyList() {
    return filter.status || filter.q
      ? empty('没有符合条件的商品', '请调整审核状态或搜索词后重新查询。')
      : empty('还没有商品', '下载商品目录模板，填好后在「商品目录上传」页面导入；导入的商品经基地审核后即可被主播选品。',
        h('a', { class: 'btn primary', href: '#/catalog-upload' }, '去上传商品目录'));
  }

  function table(items) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'data stack', 'aria-label': '我的商品' },
      h('thead', {}, h('tr', {}, ['SKU', '商品名称', '类目', '售价 · 佣金', '库存', '审核状态', '更新时间', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, items.map(row))));
  }

  function row(product) {
    const history = h('div', { class: 'decisions', hidden: true });
    const toggle = h('button', { class: 'btn small', type: 'button' }, '审核记录');
    toggle.addEventListener('click', async () => {
      history.hidden = !history.hidden;
      if (!history.hidden) await showDecisions(product, history);
    });
    return h('tr', { dataset: { sku: product.sku } },
      h('td', { 'data-label': 'SKU' }, product.sku),
      h('td', { 'data-label': '商品名称' }, product.name),
      h('td', { 'data-label': '类目' }, product.category),
      h('td', { 'data-label': '售价 · 佣金' }, priceAndCommission(product)),
      h('td', { 'data-label': '库存' }, count(product.stock)),
      h('td', { 'data-label': '审核状态' }, statusTag(product), ' ', revisionNote(product),
        product.status === 'rejected' && product.rejectReason
          ? h('div', { class: 'reason' }, `驳回原因：${product.rejectReason}`) : null,
        product.status === 'rejected' ? h('div', { class: 'hint' }, '按原因修改后重新上传即可再次提交审核') : null),
      h('td', { 'data-label': '更新时间' }, dateTime(product.updatedAt)),
      h('td', { class: 'actions' }, toggle, history));
  }

  await Promise.all([load(), showMostSelected(selectedArea)]);
}
