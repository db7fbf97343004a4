// The forms of 企业与目标 about enterprises: register or edit one (incubation facts), and put a brand under it.
import { h } from './dom.js';
import * as api from './api.js';
import { busy, errorNotice, field, formValues, requireFilled, showFieldErrors } from './ui.js';

/** "1,234.5" or "¥1234.50" -> fen; null when it is not an amount. */
export function fenOf(text) {
  const cleaned = String(text ?? '').replace(/[¥,，\s]/g, '');
  if (cleaned === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export function yuanInput(fen) {
  return fen === null || fen === undefined ? '' : (fen / 100).toFixed(2);
}

/** Register (enterprise null) or edit an enterprise; `onSaved(enterprise)` with the API's answer. */
export function enterpriseForm(enterprise, { onSaved, onCancel }) {
  const e = enterprise ?? { incubationMonths: 12, rentFreeMonths: 3, equipmentDepositFen: 0 };
  const title = enterprise ? `编辑企业 · ${enterprise.name}` : '登记企业';
  const form = h('form', { class: 'card', novalidate: true, 'aria-label': title },
    h('h2', {}, title),
    h('div', { class: 'form-grid' },
      field({ label: '企业名称', name: 'name', required: true, value: e.name }),
      field({ label: '入驻日期', name: 'incubationStart', type: 'date', value: e.incubationStart ?? '', hint: '填写后即为入驻企业；不填则只登记企业' }),
      field({ label: '孵化期（月）', name: 'incubationMonths', type: 'number', value: e.incubationMonths, hint: '默认一年（12 个月）' }),
      field({ label: '免租期（月）', name: 'rentFreeMonths', type: 'number', value: e.rentFreeMonths, hint: '从入驻日期起算，默认前 3 个月' }),
      field({ label: '设备押金（元）', name: 'equipmentDepositFen', value: yuanInput(e.equipmentDepositFen) }),
      field({ label: '导师', name: 'mentor', value: e.mentor ?? '' }),
      field({ label: '联系人 / 电话', name: 'contact', value: e.contact ?? '' })),
    h('div', { class: 'form-actions' },
      h('button', { class: 'btn primary', type: 'submit' }, enterprise ? '保存' : '登记'),
      h('button', { class: 'btn', type: 'button', onclick: onCancel }, '取消')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelector(':scope > .notice')?.remove();
    if (!requireFilled(form)) return;
    const v = formValues(form);
    const deposit = fenOf(v.equipmentDepositFen);
    const months = wholeNumber(v.incubationMonths, 12);
    const rentFree = wholeNumber(v.rentFreeMonths, 3);
    const local = {};
    if (deposit === null) local.equipmentDepositFen = '请填写金额，如 5000 或 5000.00';
    if (months === null) local.incubationMonths = '请填写整数月数';
    if (rentFree === null) local.rentFreeMonths = '请填写整数月数';
    if (Object.keys(local).length) {
      showFieldErrors(form, { fields: local });
      return;
    }
    const body = {
      name: v.name.trim(),
      incubationStart: v.incubationStart || null,
      incubationMonths: months,
      rentFreeMonths: rentFree,
      equipmentDepositFen: deposit,
      mentor: v.mentor.trim(),
      contact: v.contact.trim(),
    };
    try {
      const saved = await busy(form.querySelector('[type=submit]'), () => (enterprise
        ? api.put(`/enterprises/${enterprise.id}`, body) : api.post('/enterprises', body)));
      onSaved(saved);
    } catch (error) {
      if (!showFieldErrors(form, error, { 'enterprise-name-taken': 'name' })) form.prepend(errorNotice(error));
    }
  });
  return form;
}

function wholeNumber(text, fallback) {
  if (String(text ?? '').trim() === '') return fallback;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** Puts one of the library's brands under the enterprise; its sales then count for the enterprise. */
export function linkBrandForm(enterprise, brands, { onLinked, onCancel }) {
  const linked = new Set((enterprise.brands ?? []).map((b) => b.id));
  const choices = brands.filter((b) => !linked.has(b.id));
  const title = `关联品牌 · ${enterprise.name}`;
  const form = h('form', { class: 'card', novalidate: true, 'aria-label': title },
    h('h2', {}, title),
    choices.length
      ? field({ label: '品牌', name: 'brandId', required: true,
        options: [['', '请选择品牌'], ...choices.map((b) => [String(b.id), b.enterprise ? `${b.name}（${b.enterprise}）` : b.name])] })
      : h('p', { class: 'hint' }, brands.length ? '品牌库中的品牌都已归入这家企业。' : '品牌库里还没有品牌，请先在品牌库中添加品牌。'),
    h('p', { class: 'hint' }, '一个品牌只属于一家企业；归入后，该品牌的销售计入这家企业。'),
    h('div', { class: 'form-actions' },
      h('button', { class: 'btn primary', type: 'submit', disabled: !choices.length }, '关联'),
      h('button', { class: 'btn', type: 'button', onclick: onCancel }, '取消')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelector(':scope > .notice')?.remove();
    if (!requireFilled(form)) return;
    const brand = choices.find((b) => String(b.id) === formValues(form).brandId);
    try {
      await busy(form.querySelector('[type=submit]'), () => api.put(`/enterprises/${enterprise.id}/brands/${brand.id}`));
      onLinked(brand);
    } catch (error) {
      form.prepend(errorNotice(error));
    }
  });
  return form;
}
