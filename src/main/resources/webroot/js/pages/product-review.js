// 商品审核 (managers): the queue of new or resubmitted products and of changes to approved ones, oldest first.
// Approve one, reject one with a reason the partner will read, or tick several and approve them together; each
// product's decision history opens in place.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { count, percent, yuan } from '../live.js';
import { busy, confirm, dateTime, empty, errorNotice, loading, notice, pager } from '../ui.js';
import { priceAndCommission, showDecisions, statusTag } from '../products.js';

const PAGE_SIZE = 20;
const CHANGED_FIELDS = [
  ['name', '名称'], ['category', '类目'], ['origin', '产地'], ['spec', '规格'], ['weightGrams', '重量(克)'],
  ['priceFen', '售价', yuan], ['commissionBp', '佣金', percent], ['description', '描述'],
  ['imageUrls', '图片', (v) => `${v.length} 张`], ['certifications', '认证', (v) => v.join('、') || '无'],
];

export async function render(root) {
  let page = 1;
  let brandId = '';
  let shown = [];
  const messages = h('div', { 'data-testid': 'review-messages' });
  const listArea = h('div', {});
  const bulk = h('button', { class: 'btn primary', type: 'button', disabled: true, 'data-testid': 'bulk-approve' }, '批量通过');
  bulk.addEventListener('click', bulkApprove);

  // reviewing one brand's upload at once is the common case; the brand library is a few dozen brands
  const brands = (await api.get('/brands').catch(() => ({ items: [] }))).items;
  const brandFilter = h('select', { name: 'brandId', 'aria-label': '按品牌筛选' }, h('option', { value: '' }, '全部品牌'),
    brands.map((b) => h('option', { value: b.id }, b.name)));
  brandFilter.addEventListener('change', () => {
    brandId = brandFilter.value;
    page = 1;
    load();
  });

  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '商品审核'), bulk),
    messages,
    h('section', { class: 'card' }, h('div', { class: 'filters' }, brandFilter), listArea));

  async function load() {
    mount(listArea, loading('正在加载待审核商品…'));
    try {
      const result = await api.get('/reviews/products', { brandId, page, size: PAGE_SIZE });
      shown = result.items;
      if (!shown.length && page > 1) {
        page -= 1;
        return load();
      }
      mount(listArea, shown.length ? table() : empty(brandId ? '该品牌没有待审核的商品' : '审核队列已清空',
        '品牌方上传或修改商品后会出现在这里；已通过的商品可在主播选品中使用。'),
      shown.length ? pager(result, '个待审核', (n) => { page = n; load(); }) : null);
    } catch (error) {
      mount(listArea, errorNotice(error));
    }
    updateBulk();
  }

  function table() {
    const all = h('input', { type: 'checkbox', 'aria-label': '全选本页' });
    all.addEventListener('change', () => {
      listArea.querySelectorAll('input.pick').forEach((box) => { box.checked = all.checked; });
      updateBulk();
    });
    return h('div', { class: 'table-wrap' }, h('table', { class: 'data stack', 'aria-label': '待审核商品' },
      h('thead', {}, h('tr', {}, h('th', { 'aria-label': '全选' }, all),
        ['品牌', 'SKU', '商品', '售价 · 佣金', '待审内容', '提交时间', '操作'].map((t) => h('th', {}, t)))),
      h('tbody', {}, shown.map(row))));
  }

  function row(product) {
    const pick = h('input', { type: 'checkbox', class: 'pick', value: product.id, 'aria-label': `选择 ${product.name}` });
    pick.addEventListener('change', updateBulk);
    const history = h('div', { class: 'decisions', hidden: true });
    const historyButton = h('button', { class: 'btn small', type: 'button' }, '记录');
    historyButton.addEventListener('click', async () => {
      history.hidden = !history.hidden;
      if (!history.hidden) await showDecisions(product, history);
    });
    return h('tr', { dataset: { productId: product.id, sku: product.sku } },
      h('td', {}, pick),
      h('td', { 'data-label': '品牌' }, product.brandName),
      h('td', { 'data-label': 'SKU' }, product.sku),
      h('td', { 'data-label': '商品' }, h('div', {}, product.name),
        h('div', { class: 'hint' }, `${product.category} · ${product.origin}${product.spec ? ` · ${product.spec}` : ''}`),
        reviewMaterial(product)),
      h('td', { 'data-label': '售价 · 佣金' }, priceAndCommission(product)),
      h('td', { 'data-label': '待审内容' }, product.pendingRevision ? changes(product) : [statusTag(product), ' 新商品']),
      h('td', { 'data-label': '提交时间' }, dateTime(product.updatedAt)),
      h('td', { class: 'actions' }, approveButton(product), ' ', rejectButton(product), ' ', historyButton, history));
  }

  function approveButton(product) {
    const button = h('button', { class: 'btn small primary', type: 'button', 'data-testid': 'approve' }, '通过');
    button.addEventListener('click', async () => {
      try {
        await busy(button, () => api.post(`/products/${product.id}/approve`));
        mount(messages, notice('success', `已通过「${product.name}」，主播现在可以选它了。`));
        load();
      } catch (error) {
        mount(messages, errorNotice(error));
      }
    });
    return button;
  }

  function rejectButton(product) {
    const button = h('button', { class: 'btn small', type: 'button', 'data-testid': 'reject' }, '驳回');
    button.addEventListener('click', async () => {
      const reason = await askReason(product);
      if (!reason) return;
      try {
        await busy(button, () => api.post(`/products/${product.id}/reject`, { reason }));
        mount(messages, notice('success', `已驳回「${product.name}」，品牌方会在「我的商品」看到原因。`));
        load();
      } catch (error) {
        mount(messages, errorNotice(error));
      }
    });
    return button;
  }

  function picked() {
    return [...listArea.querySelectorAll('input.pick:checked')].map((box) => Number(box.value));
  }

  function updateBulk() {
    const n = picked().length;
    bulk.disabled = n === 0;
    bulk.textContent = n ? `批量通过（${n}）` : '批量通过';
  }

  async function bulkApprove() {
    const ids = picked();
    if (!ids.length || !await confirm(`通过选中的 ${ids.length} 个商品？`, '全部通过')) return;
    try {
      const answer = await busy(bulk, () => api.post('/reviews/products/bulk-approve', { productIds: ids }));
      mount(messages, notice('success', `已通过 ${count(answer.approved)} 个商品。`));
      load();
    } catch (error) {
      mount(messages, errorNotice(error));
    }
  }

  await load();
}

/** What a pending revision changes against the version on sale: only the fields that differ. */
function changes(product) {
  const proposed = product.pendingRevision;
  const differing = CHANGED_FIELDS.filter(([key]) => JSON.stringify(proposed[key] ?? null) !== JSON.stringify(product[key] ?? null));
  return h('div', { class: 'revision' },
    h('span', { class: 'tag warn' }, '修改待审核'),
    h('ul', {}, differing.map(([key, label, show = (v) => v ?? '—']) =>
      h('li', {}, `${label}：${show(product[key])} → ${show(proposed[key])}`))));
}

/** The reason goes to the partner verbatim, so it is required and shown back before sending. */
function askReason(product) {
  return new Promise((resolve) => {
    const text = h('textarea', { name: 'reason', rows: 3, maxlength: 500, required: true, placeholder: '例如：缺少地理标志认证证书，请补充后重新上传' });
    const error = h('div', { class: 'field-error', role: 'alert', hidden: true }, '请填写驳回原因');
    const dialog = h('dialog', { class: 'confirm' },
      h('p', {}, `驳回「${product.name}」的原因（品牌方会看到）：`), text, error,
      h('div', { class: 'form-actions' },
        h('button', { class: 'btn', type: 'button', onclick: () => close(null) }, '取消'),
        h('button', { class: 'btn primary', type: 'button', 'data-testid': 'confirm-reject', onclick: () => {
          if (!text.value.trim()) { error.hidden = false; return; }
          close(text.value.trim());
        } }, '驳回')));
    function close(answer) {
      dialog.close();
      dialog.remove();
      resolve(answer);
    }
    dialog.addEventListener('cancel', () => close(null));
    document.body.append(dialog);
    dialog.showModal();
    text.focus();
  });
}

const THUMBNAILS = 3;

/**
 * What a reviewer checks besides the figures: the pictures (the first three, fixed size so the table does not
 * shift as they load), the certificates and the description the partner wrote.
 */
function reviewMaterial(product) {
  const images = (product.imageUrls ?? []).filter((url) => /^https?:\/\//i.test(url));
  const certifications = product.certifications ?? [];
  return h('div', { class: 'review-material', 'data-testid': 'review-material' },
    images.length ? h('div', { class: 'thumbs' },
      images.slice(0, THUMBNAILS).map((url, i) => h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' },
        h('img', { src: url, alt: `${product.name} 图片 ${i + 1}`, width: 48, height: 48, loading: 'lazy', referrerpolicy: 'no-referrer' }))),
      images.length > THUMBNAILS ? h('span', { class: 'hint' }, `共 ${images.length} 张`) : null)
      : h('div', { class: 'hint' }, '无图片'),
    h('div', { class: 'certs' }, certifications.length
      ? certifications.map((c) => h('span', { class: 'tag' }, c)) : h('span', { class: 'hint' }, '无认证')),
    product.description ? h('p', { class: 'description', title: product.description }, product.description) : null);
}
