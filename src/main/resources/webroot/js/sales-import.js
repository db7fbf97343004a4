// Manager's import of sales made elsewhere (other platforms, offline) from a CSV: choose or drop the file, the
// server checks every row without writing (dry run), the manager reads the errors per row, then imports. The same
// file twice changes nothing, and the card says so.
import { h, mount } from './dom.js';
import { busy, errorNotice, notice } from './ui.js';
import { upload } from './transfer.js';
import { salesRowMessage } from './problems.js';
import { count, progressBar } from './sales.js';

// the server's limit; checked here too so that a too large file is refused before it is sent
const MAX_BYTES = 8 * 1024 * 1024;
const COLUMN_LABELS = {
  order_id: '订单号', ordered_at: '下单时间', streamer: '主播账号', product_id: '商品ID', brand_id: '品牌ID', sku: 'SKU',
  quantity: '数量', amount: '金额', amount_fen: '金额(分)', channel: '渠道', kind: '类型', refund_of: '原订单号',
};
const TEMPLATE = '\uFEFF订单号,下单时间,主播账号,商品ID,数量,金额,渠道,类型,原订单号\r\n'
  + 'DY20260501001,2026-05-01 20:15,zhubo01,1,2,99.00,douyin,订单,\r\n'
  + 'DY20260501001-R,2026-05-03 10:00,zhubo01,1,1,49.50,douyin,退款,DY20260501001\r\n';

/** The import card; `onImported()` runs after rows were written (to refresh the figures around it). */
export function salesImportCard({ onImported = () => {} } = {}) {
  // the browser's own file button speaks the browser's language: it is hidden, the whole zone opens the picker
  const input = h('input', { type: 'file', class: 'visually-hidden', accept: '.csv,text/csv', 'aria-label': '选择销售数据 CSV 文件' });
  const chosenName = h('span', { class: 'hint' }, '尚未选择文件');
  const zone = h('label', { class: 'dropzone', 'data-testid': 'sales-dropzone' },
    h('div', {}, '把 CSV 文件拖到这里，或点击选择文件'),
    h('div', { class: 'hint' }, '最大 8 MB；支持 UTF-8 和 GBK 编码（Excel 另存为「CSV UTF-8」即可）'),
    h('div', { class: 'form-actions centered' }, h('span', { class: 'btn' }, '选择文件'), chosenName),
    input);
  const status = h('div', { 'data-testid': 'sales-import-status' });
  const result = h('div', { 'data-testid': 'sales-import-result' });
  let file = null;

  input.addEventListener('change', () => choose(input.files[0]));
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    choose(event.dataTransfer.files[0]);
  });

  function choose(chosen) {
    mount(result);
    chosenName.textContent = chosen ? chosen.name : '尚未选择文件';
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      mount(status, notice('error', `「${chosen.name}」超过 8 MB，请把文件拆成几份分批导入。`));
      return;
    }
    file = chosen;
    send(true);
  }

  /** A dry run first (nothing written), then the real import once the manager confirms. */
  async function send(dryRun) {
    const bar = progressBar(dryRun ? '预检进度' : '导入进度');
    mount(status, h('div', { class: 'hint' }, `${dryRun ? '正在预检' : '正在导入'}「${file.name}」…`), bar.el);
    try {
      const answer = await upload('/sales/imports', file, {
        query: { dryRun, fileName: file.name }, onProgress: bar.set,
      });
      mount(status);
      mount(result, report(answer));
      if (!answer.dryRun && answer.inserted > 0) onImported(answer);
    } catch (error) {
      mount(status, errorNotice(error));
    }
  }

  function report(answer) {
    const writable = answer.rows - answer.failed - answer.unchanged;
    const confirmButton = h('button', { class: 'btn primary', type: 'button', disabled: writable <= 0 },
      `确认导入 ${count(Math.max(0, writable))} 行`);
    confirmButton.addEventListener('click', () => busy(confirmButton, () => send(false)));
    const summary = answer.dryRun
      ? notice(answer.failed ? 'info' : 'success', `预检完成：共 ${count(answer.rows)} 行，可导入 ${count(writable)} 行，`
        + `已在台账中 ${count(answer.unchanged)} 行，有错误 ${count(answer.failed)} 行。尚未写入任何数据。`)
      : notice(answer.failed ? 'info' : 'success', `导入完成：新增 ${count(answer.inserted)} 行，已存在未变 ${count(answer.unchanged)} 行，`
        + `有错误未导入 ${count(answer.failed)} 行。`);
    return [
      summary,
      answer.sameFileAsImport ? notice('info', `这个文件之前已导入过（第 ${answer.sameFileAsImport} 次导入），再次导入不会改变台账。`) : null,
      answer.errors?.length ? errorTable(answer.errors) : null,
      answer.dryRun ? h('div', { class: 'form-actions' }, confirmButton,
        answer.failed ? h('span', { class: 'hint' }, '有错误的行不会导入；改正后可重新选择文件，已导入的行不会重复。') : null) : null,
    ];
  }

  return h('section', { class: 'card', 'aria-label': '导入销售数据' },
    h('div', { class: 'card-head' },
      h('h2', {}, '导入销售数据'),
      h('a', { href: `data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`, download: '销售导入模板.csv' }, '下载模板')),
    h('p', { class: 'hint' }, '导入直播间以外（抖音店铺、淘宝、线下等）的销售。列：订单号、下单时间（北京时间）、主播账号、商品ID（或品牌ID + SKU）、'
      + '数量、金额（元）、渠道、类型（订单 / 退款 / 取消）、原订单号（退款和取消时填写）。同一订单重复导入不会重复记账。'),
    zone, status, result);
}

function errorTable(errors) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data stack', 'aria-label': '导入错误' },
      h('thead', {}, h('tr', {}, ['行号', '列', '内容', '问题'].map((t) => h('th', {}, t)))),
      h('tbody', {}, errors.map((e) => h('tr', {},
        h('td', { 'data-label': '行号' }, `第 ${e.row} 行`),
        h('td', { 'data-label': '列' }, COLUMN_LABELS[e.column] ?? e.column ?? '—'),
        h('td', { 'data-label': '内容' }, e.value ?? ''),
        h('td', { 'data-label': '问题' }, salesRowMessage(e.message)))))));
}
