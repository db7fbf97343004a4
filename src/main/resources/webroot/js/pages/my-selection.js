// 我的选品 (streamers): a selection list (选品单) per upcoming session, built from approved products only.
// Pick or start a list, search the approved library by name, add and remove products.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { busy, empty, errorNotice, field, formValues, loading, notice, requireFilled, showFieldErrors } from '../ui.js';
import { priceAndCommission } from '../products.js';

const RESULTS = 10;

export async function render(root) {
  let lists = [];
  let current = null;
  const messages = h('div', { 'data-testid': 'selection-messages' });
  const picker = h('div', {});
  const itemsArea = h('div', {});
  const searchArea = h('div', {});
  const createCard = createForm(async (created) => {
    createCard.hidden = true;
    mount(messages, notice('success', `已创建选品单「${created.title}」，现在搜索商品加入吧。`));
    await loadLists(created.id);
  });
  createCard.hidden = true;

  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '我的选品'),
      h('button', { class: 'btn primary', type: 'button', onclick: () => { createCard.hidden = !createCard.hidden; } }, '新建选品单')),
    messages, createCard,
    h('section', { class: 'card' }, picker, itemsArea),
    h('section', { class: 'card', 'aria-label': '添加商品' }, searchArea));

  async function loadLists(selectId) {
    mount(picker, loading('正在加载选品单…'));
    try {
      lists = (await api.get('/selection-lists', { upcoming: 'true' })).items;
    } catch (error) {
      mount(picker, errorNotice(error));
      return;
    }
    if (!lists.length) {
      current = null;
      mount(picker, empty('还没有待播场次的选品单', '点击「新建选品单」，填写场次名称和直播日期，再从已审核通过的商品中挑选。',
        h('button', { class: 'btn primary', type: 'button', onclick: () => { createCard.hidden = false; } }, '新建选品单')));
      mount(itemsArea);
      mount(searchArea);
      return;
    }
    const select = h('select', { 'aria-label': '选择选品单', 'data-testid': 'list-picker' },
      lists.map((l) => h('option', { value: l.id, selected: l.id === selectId }, listLabel(l))));
    select.addEventListener('change', () => show(Number(select.value)));
    mount(picker, h('div', { class: 'filters' }, h('label', {}, '选品单：'), select));
    await show(selectId ?? lists[0].id);
    showSearch();
  }

  async function show(listId) {
    mount(itemsArea, loading('正在加载商品…'));
    try {
      current = await api.get(`/selection-lists/${listId}`);
      const option = picker.querySelector(`option[value="${current.id}"]`);
      if (option) option.textContent = listLabel(current);
      renderItems();
    } catch (error) {
      mount(itemsArea, errorNotice(error));
    }
  }

  function renderItems() {
    if (!current.items.length) {
      mount(itemsArea, empty('这张选品单还是空的', '在下方搜索框输入商品名称（例如“枸杞”），点击「加入」把商品放进来。'));
      return;
    }
    mount(itemsArea, h('div', { class: 'table-wrap' }, h('table', { class: 'data stack', 'aria-label': '已选商品' },
      h('thead', {}, h('tr', {}, ['商品', '品牌', '售价 · 佣金', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, current.items.map((item) => h('tr', { dataset: { sku: item.sku } },
        h('td', { 'data-label': '商品' }, item.name, item.status !== 'approved' ? h('span', { class: 'tag warn' }, ' 已不在售') : null),
        h('td', { 'data-label': '品牌' }, item.brandName),
        h('td', { 'data-label': '售价 · 佣金' }, priceAndCommission(item)),
        h('td', { class: 'actions' }, removeButton(item))))))));
  }

  function removeButton(item) {
    return changeButton('移除', 'btn small', () => api.del(`/selection-lists/${current.id}/items/${item.productId}`));
  }

  /** A button that changes the open list, then shows the list and the search results as they now stand. */
  function changeButton(label, classes, change) {
    const button = h('button', { class: classes, type: 'button' }, label);
    button.addEventListener('click', async () => {
      try {
        await busy(button, change);
        await show(current.id);
        refreshResults();
      } catch (error) {
        mount(messages, errorNotice(error));
      }
    });
    return button;
  }

  let refreshResults = () => {};

  function showSearch() {
    const results = h('div', {});
    const q = h('input', { type: 'search', name: 'q', placeholder: '搜索已审核通过的商品，如 枸杞、滩羊', maxlength: 60, 'aria-label': '搜索商品' });
    const form = h('form', { class: 'filters', role: 'search' }, q, h('button', { class: 'btn', type: 'submit' }, '搜索'));
    form.addEventListener('submit', (event) => { event.preventDefault(); search(); });
    mount(searchArea, h('h2', {}, '添加商品'), form, results);
    refreshResults = search;
    search();

    async function search() {
      mount(results, loading('正在搜索…'));
      try {
        const found = await api.get('/products', { status: 'approved', q: q.value.trim(), size: RESULTS, sort: 'newest' });
        const chosen = new Set(current.items.map((i) => i.productId));
        mount(results, found.items.length
          ? h('ul', { class: 'product-results' }, found.items.map((p) => h('li', { dataset: { sku: p.sku } },
            h('div', {}, h('div', {}, p.name), h('div', { class: 'hint' }, `${p.brandName} · ${priceAndCommission(p)}`)),
            chosen.has(p.id) ? h('span', { class: 'tag active' }, '已加入') : addButton(p))))
          : empty('没有找到已审核通过的商品', q.value.trim() ? '换个关键词试试，例如只输入“枸杞”。' : '商品库里还没有审核通过的商品，请等待基地审核。'));
      } catch (error) {
        mount(results, errorNotice(error));
      }
    }
  }

  function addButton(product) {
    return changeButton('加入', 'btn small primary', () => api.put(`/selection-lists/${current.id}/items/${product.id}`));
  }

  await loadLists();
}

function listLabel(list) {
  return `${list.plannedDate} · ${list.title}（${list.items.length} 个商品）`;
}

function createForm(onCreated) {
  const errors = h('div', {});
  const submit = h('button', { class: 'btn primary', type: 'submit' }, '创建');
  const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  const form = h('form', { novalidate: true, 'aria-label': '新建选品单' }, errors,
    h('div', { class: 'form-grid' },
      field({ label: '场次名称', name: 'title', required: true, hint: '例如：周五晚 枸杞专场' }),
      field({ label: '直播日期', name: 'plannedDate', type: 'date', required: true, value: tomorrow })),
    h('div', { class: 'form-actions' }, submit,
      h('button', { class: 'btn', type: 'button', onclick: () => { card.hidden = true; } }, '取消')));
  const card = h('section', { class: 'card', 'aria-label': '新建选品单' }, h('h2', {}, '新建选品单'), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(errors);
    if (!requireFilled(form)) return;
    const values = formValues(form);
    try {
      const created = await busy(submit, () => api.post('/selection-lists', { title: values.title.trim(), plannedDate: values.plannedDate }));
      form.reset();
      onCreated(created);
    } catch (error) {
      showFieldErrors(form, error, { 'planned-date-past': 'plannedDate' });
      mount(errors, errorNotice(error));
    }
  });
  return card;
}
