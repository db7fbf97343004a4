// Shared pieces of every page: loading and empty states, notices, form fields with their errors, confirmation.
import { h, mount } from './dom.js';

export function loading(text = '正在加载…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

/** An empty state says what is missing and what to do next; `action` is an optional button or link. */
export function empty(headline, nextStep, action) {
  return h('div', { class: 'empty', role: 'status' },
    h('div', { class: 'headline' }, headline),
    h('div', {}, nextStep),
    action ? h('div', { class: 'actions' }, action) : null);
}

export function notice(kind, text) {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** An ApiError (or any error) as a red notice; the request id helps the administrator find the log line. */
export function errorNotice(error) {
  const id = error?.requestId ? `（请求编号 ${error.requestId}）` : '';
  return notice('error', `${error?.message ?? '操作失败'}${id}`);
}

/** A labelled input or select; `options` ([[value, label]]) makes a select. */
export function field({ label, name, type = 'text', hint, required, options, value, autocomplete }) {
  const id = `f-${name}-${Math.random().toString(36).slice(2, 8)}`;
  const control = options
    ? h('select', { id, name, required }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)))
    : h('input', { id, name, type, required, value, autocomplete });
  return h('div', { class: 'field', dataset: { field: name } },
    h('label', { for: id }, label),
    control,
    hint ? h('div', { class: 'hint' }, hint) : null,
    h('div', { class: 'field-error', role: 'alert', hidden: true }));
}

export function clearFieldErrors(form) {
  form.querySelectorAll('.field.invalid').forEach((f) => f.classList.remove('invalid'));
  form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; e.hidden = true; });
}

/**
 * Puts each field error of an ApiError next to its input. `slugFields` maps problem slugs without field errors
 * (e.g. username-taken) to the field they are about. Returns true when at least one field showed an error.
 */
export function showFieldErrors(form, error, slugFields = {}) {
  clearFieldErrors(form);
  const fields = { ...(error?.fields ?? {}) };
  if (slugFields[error?.slug]) fields[slugFields[error.slug]] = error.message;
  let shown = false;
  for (const [name, message] of Object.entries(fields)) {
    const box = form.querySelector(`.field[data-field="${CSS.escape(name)}"]`);
    if (!box) continue;
    box.classList.add('invalid');
    const slot = box.querySelector('.field-error');
    slot.textContent = message;
    slot.hidden = false;
    shown = true;
  }
  return shown;
}

/** Browser validation bubbles speak the browser's language; forms use novalidate and this check instead. */
export function requireFilled(form) {
  clearFieldErrors(form);
  let ok = true;
  form.querySelectorAll('[required]').forEach((control) => {
    if (control.value.trim() !== '') return;
    const box = control.closest('.field');
    box.classList.add('invalid');
    const slot = box.querySelector('.field-error');
    slot.textContent = '必填';
    slot.hidden = false;
    if (ok) control.focus();
    ok = false;
  });
  return ok;
}

/** Disables the button while the work runs, so a double click does not send twice. */
export async function busy(button, work) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = '处理中…';
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

/** A modal yes/no question; resolves true when confirmed. */
export function confirm(question, okLabel = '确定') {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm' },
      h('p', {}, question),
      h('div', { class: 'form-actions' },
        h('button', { class: 'btn', type: 'button', onclick: () => close(false) }, '取消'),
        h('button', { class: 'btn primary', type: 'button', onclick: () => close(true) }, okLabel)));
    function close(answer) {
      dialog.close();
      dialog.remove();
      resolve(answer);
    }
    dialog.addEventListener('cancel', () => close(false));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Previous/next page buttons under a list; `onPage(n)` loads page n. `noun` counts the items: 个账号, 场. */
export function pager(result, noun, onPage) {
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  const previous = h('button', { class: 'btn small', type: 'button', disabled: result.page <= 1 }, '上一页');
  const next = h('button', { class: 'btn small', type: 'button', disabled: result.page >= pages }, '下一页');
  previous.addEventListener('click', () => onPage(result.page - 1));
  next.addEventListener('click', () => onPage(result.page + 1));
  return h('div', { class: 'pager' },
    h('span', { class: 'info' }, `共 ${result.total} ${noun}，第 ${result.page} / ${pages} 页`), previous, next);
}

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** Times are shown in the base's time zone, whatever the device says. */
export function dateTime(iso) {
  return iso ? DATE_TIME.format(new Date(iso)) : '—';
}

export function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}

export { mount };
