// 安排直播: a session sells what the streamer selected. The form offers the streamer's upcoming selection lists
// (选品单) and their products with picture, price, commission and stock, all ticked; nobody types a product id.
import { h, mount } from './dom.js';
import * as api from './api.js';
import { busy, empty, errorNotice, field, formValues, loading, requireFilled, showFieldErrors } from './ui.js';
import { count, percent, yuan } from './live.js';
import { STATUS_LABELS } from './products.js';

const NONE_PICKED = '请至少选择一件商品（商品来自主播的选品单）。';

/** The form; `streamers` (managers only) are the accounts to schedule for. Calls onCreated(session) once scheduled. */
export function scheduleForm(streamers, onCreated) {
  const start = field({ label: '计划开始（北京时间）', name: 'plannedStart', type: 'datetime-local', required: true, value: nextHourInBase(1) });
  const end = field({ label: '计划结束（北京时间）', name: 'plannedEnd', type: 'datetime-local', required: true, value: nextHourInBase(3) });
  const title = field({ label: '标题', name: 'title', required: true });
  const lists = h('div', {});
  const products = h('div', { class: 'pick-list' });
  const picks = h('fieldset', { class: 'field pick-products', dataset: { field: 'productIds' } },
    h('legend', {}, '本场商品'), lists, products, h('div', { class: 'field-error', role: 'alert', hidden: true }));
  const streamer = streamers ? field({
    label: '主播', name: 'streamerAccountId', required: true,
    options: [['', streamers.length ? '请选择主播' : '还没有主播账号'],
      ...streamers.map((a) => [String(a.id), `${a.displayName}（${a.username}）`])],
  }) : null;
  const form = h('form', { class: 'card', novalidate: true, 'aria-label': '安排直播' },
    h('h2', {}, '安排直播'),
    h('div', { class: 'form-grid' }, streamer, title, start, end),
    picks,
    h('div', { class: 'form-actions' }, h('button', { class: 'btn primary', type: 'submit' }, '安排')));

  if (streamer) {
    mount(lists, h('p', { class: 'hint' }, '先选择主播，再从其选品单中挑选商品。'));
    streamer.querySelector('select').addEventListener('change', (event) => loadLists(event.target.value));
  } else {
    loadLists(null);
  }

  async function loadLists(streamerId) {
    mount(products);
    if (streamers && !streamerId) return;
    mount(lists, loading('正在加载选品单…'));
    try {
      const { items } = await api.get('/selection-lists', { upcoming: 'true', streamerId: streamerId ?? '' });
      if (!items.length) {
        mount(lists, empty('还没有待播场次的选品单', streamers
          ? '请该主播先在「我的选品」中建立选品单并加入商品。'
          : '先在「我的选品」中建立选品单，从已审核通过的商品中挑选，再回来安排直播。',
        streamers ? null : h('a', { class: 'btn', href: '#/my-selection' }, '去选品')));
        return;
      }
      const select = h('select', { 'aria-label': '选品单', 'data-testid': 'schedule-list' },
        items.map((l) => h('option', { value: l.id }, `${l.title}（${l.plannedDate}，${l.items.length} 件）`)));
      select.addEventListener('change', () => show(items.find((l) => String(l.id) === select.value)));
      mount(lists, h('div', { class: 'filters' }, h('label', {}, '选品单：'), select));
      show(items[0]);
    } catch (error) {
      mount(lists, errorNotice(error));
    }
  }

  function show(list) {
    const titleInput = title.querySelector('input');
    if (!titleInput.value.trim() || titleInput.dataset.fromList) {
      titleInput.value = list.title;
      titleInput.dataset.fromList = 'true';
    }
    mount(products, list.items.length
      ? h('ul', { class: 'picks', 'aria-label': '选品单中的商品' }, list.items.map(pickRow))
      : h('p', { class: 'hint' }, '这个选品单还没有商品，请先在「我的选品」中加入商品。'));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!requireFilled(form)) return;
    const productIds = [...products.querySelectorAll('input.pick:checked')].map((box) => Number(box.value));
    if (!productIds.length) {
      showFieldErrors(form, { fields: { productIds: NONE_PICKED } });
      return;
    }
    const values = formValues(form);
    const body = {
      title: values.title.trim(), plannedStart: inBase(values.plannedStart), plannedEnd: inBase(values.plannedEnd), productIds,
    };
    if (streamers) body.streamerAccountId = Number(values.streamerAccountId);
    try {
      const created = await busy(form.querySelector('[type=submit]'), () => api.post('/live/sessions', body));
      onCreated(created);
    } catch (error) {
      const slugFields = { 'session-without-products': 'productIds', 'product-not-sellable': 'productIds' };
      if (!showFieldErrors(form, error, slugFields)) form.prepend(errorNotice(error));
    }
  });
  return form;
}

/** One product of the list: ticked when it may be sold, its picture, price, commission and stock beside it. */
function pickRow(item) {
  const sellable = item.status === 'approved';
  const id = `pick-${item.productId}-${Math.random().toString(36).slice(2, 8)}`;
  return h('li', { class: sellable ? 'pick-row' : 'pick-row unsellable' },
    h('input', { id, type: 'checkbox', class: 'pick', value: item.productId, checked: sellable, disabled: !sellable }),
    h('label', { for: id },
      item.imageUrl
        ? h('img', { src: item.imageUrl, alt: '', width: 48, height: 48, loading: 'lazy', onerror: (e) => e.target.replaceWith(noImage()) })
        : noImage(),
      h('span', { class: 'pick-name' }, item.name, h('small', {}, `${item.brandName} · SKU ${item.sku}`)),
      h('span', { class: 'pick-figures' },
        `${yuan(item.priceFen)} · 佣金 ${percent(item.commissionBp)} · 库存 ${count(item.stock ?? 0)}`,
        sellable ? null : h('span', { class: 'tag warn' }, `${STATUS_LABELS[item.status] ?? item.status}，不能开播销售`))));
}

function noImage() {
  return h('span', { class: 'no-image', 'aria-hidden': 'true' }, '无图');
}

// the base works on Beijing time whatever the device's zone: form times are read and written as UTC+8
const BASE_OFFSET_MS = 8 * 3600_000;

function inBase(local) {
  return `${local}:00+08:00`;
}

function nextHourInBase(hoursAhead) {
  const t = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + (hoursAhead - 1) * 3600_000 + BASE_OFFSET_MS);
  return t.toISOString().slice(0, 16);
}
