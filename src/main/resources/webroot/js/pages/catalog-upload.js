// 商品目录上传 (brand partners): drop a CSV or XLSX, see the dry run's per-row errors and a preview of what will be
// stored, then commit it and watch the job's progress bar; the error report downloads as CSV. The file is sent
// twice (dry run, then commit): the server keeps no half-imported state between the two.
import { h, mount } from '../dom.js';
import * as api from '../api.js';
import { importFailureMessage, catalogRowMessage } from '../problems.js';
import { parseCsv, toCsv } from '../csv.js';
import { noBrandYet } from '../products.js';
import { count, percent, yuan } from '../live.js';
import { busy, dateTime, empty, errorNotice, loading, notice } from '../ui.js';

const POLL_MS = 400;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS_LABELS = { queued: '排队中', validating: '校验中', writing: '写入中', succeeded: '已完成', failed: '失败' };

export async function render(root) {
  let left = false;
  let file = null;
  let header = null; // the file's name and its finished progress bar stay on top of the outcome
  const messages = h('div', {});
  const work = h('div', {});
  const history = h('div', {});
  const input = h('input', { type: 'file', accept: '.csv,.xlsx,text/csv', hidden: true, 'data-testid': 'catalog-file' });
  const drop = h('label', { class: 'dropzone', tabindex: 0, 'data-testid': 'dropzone' },
    h('div', { class: 'headline' }, '把商品目录拖到这里，或点击选择文件'),
    h('div', { class: 'hint' }, '支持 CSV（UTF-8 或 GBK）、Excel（.xlsx）和 Shopify 商品导出 CSV；最大 50 MB / 10 万行。'),
    input);
  drop.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') input.click(); });
  drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer.files.length) choose(event.dataTransfer.files[0]);
  });
  input.addEventListener('change', () => { if (input.files.length) choose(input.files[0]); input.value = ''; });

  const template = h('button', { class: 'btn', type: 'button' }, '下载模板');
  template.addEventListener('click', async () => {
    try {
      await busy(template, () => api.download('/catalog/template', '商品目录模板.csv'));
    } catch (error) {
      mount(messages, errorNotice(error));
    }
  });

  const uploadCard = h('section', { class: 'card' },
    h('p', { class: 'hint' }, '第一步先预检：检查每一行，不写入任何数据；确认无误后再正式导入。按 SKU 编码更新，重复上传同一文件是安全的。'),
    drop, work);
  const historyCard = h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, '最近导入')), history);
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, '商品目录上传'), template),
    messages,
    uploadCard,
    historyCard);

  async function choose(chosen) {
    file = chosen;
    mount(messages);
    const job = await run('dry-run');
    if (job) showDryRun(job);
  }

  /** Uploads the chosen file in a mode and follows the job to its end, with a progress bar; null on failure. */
  async function run(mode) {
    const bar = mode === 'dry-run' ? progressBar('正在预检', '预检完成') : progressBar('正在导入', '导入完成');
    header = h('div', {}, h('div', { class: 'file-name' }, `文件：${file.name}（${size(file.size)}）`), bar.el);
    mount(work, header);
    try {
      const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
      let job = await api.upload('/catalog/imports', { mode, fileName: file.name }, file.slice(0, file.size, type));
      bar.update(job);
      while (!finished(job)) {
        await pause(POLL_MS);
        if (left) return null;
        job = await api.get(`/catalog/imports/${job.id}`);
        bar.update(job);
      }
      loadHistory();
      if (job.status === 'failed') {
        mount(work, header, notice('error', importFailureMessage(job.failure)), chooseAgain());
        return null;
      }
      return job;
    } catch (error) {
      mount(work, errorNotice(error), chooseAgain());
      return null;
    }
  }

  function showDryRun(job) {
    const valid = job.progress.rowsTotal - job.report.failed;
    const commit = h('button', { class: 'btn primary', type: 'button', disabled: valid === 0, 'data-testid': 'commit' },
      `确认导入 ${count(valid)} 行`);
    commit.addEventListener('click', async () => {
      const done = await run('commit');
      if (done) showCommitted(done);
    });
    mount(work, header,
      notice(job.report.failed ? 'info' : 'success', job.report.failed
        ? `预检完成：共 ${count(job.progress.rowsTotal)} 行，${count(valid)} 行可以导入，${count(job.report.failed)} 行有错误（有错误的行不会导入）。`
        : `预检通过：共 ${count(job.progress.rowsTotal)} 行，全部可以导入。`),
      h('div', { class: 'facts' }, `格式：${describe(job)}`),
      shopifyWarnings(job),
      errorsBlock(job),
      previewBlock(job),
      h('div', { class: 'form-actions' }, commit, chooseAgain()));
  }

  function showCommitted(job) {
    const r = job.report;
    mount(work, header,
      notice(r.failed ? 'info' : 'success', '导入完成。新增和修改的商品需要基地审核，审核通过后主播才能选品。'),
      h('dl', { class: 'figures', 'data-testid': 'import-report' },
        [['新增', r.inserted], ['更新', r.updated], ['未变化', r.unchanged], ['失败', r.failed]]
          .map(([label, n]) => [h('dt', {}, label), h('dd', {}, count(n))])),
      errorsBlock(job),
      h('div', { class: 'form-actions' },
        h('a', { class: 'btn primary', href: '#/my-products' }, '查看我的商品'), chooseAgain('再上传一个文件')));
  }

  function errorsBlock(job) {
    if (!job.report.errorCount) return null;
    const report = h('button', { class: 'btn small', type: 'button', 'data-testid': 'error-report' }, '下载错误报告（CSV）');
    report.addEventListener('click', async () => {
      try {
        await busy(report, () => api.download(`/catalog/imports/${job.id}/errors.csv`, `导入错误-${job.id}.csv`, inChinese));
      } catch (error) {
        mount(messages, errorNotice(error));
      }
    });
    const shown = job.errors ?? [];
    return h('div', { class: 'import-errors' },
      h('div', { class: 'card-head' },
        h('h2', {}, `错误明细（${count(job.report.errorCount)} 条${shown.length < job.report.errorCount ? `，显示前 ${shown.length} 条` : ''}）`),
        report),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data stack', 'aria-label': '错误明细' },
        h('thead', {}, h('tr', {}, ['行号', '列名', '单元格内容', '错误说明'].map((t) => h('th', {}, t)))),
        h('tbody', {}, shown.map((e) => h('tr', {},
          h('td', { 'data-label': '行号' }, e.row),
          h('td', { 'data-label': '列名' }, e.column),
          h('td', { 'data-label': '单元格内容' }, e.value ?? ''),
          h('td', { 'data-label': '错误说明' }, catalogRowMessage(e.message))))))));
  }

  function previewBlock(job) {
    if (!job.preview?.length) return null;
    return h('div', {},
      h('h2', {}, '导入后的样子（前几行）'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data stack', 'aria-label': '预览' },
        h('thead', {}, h('tr', {}, ['行号', 'SKU', '商品名称', '类目', '产地', '售价', '佣金', '库存'].map((t) => h('th', {}, t)))),
        h('tbody', {}, job.preview.map((p) => h('tr', {},
          [['行号', p.row], ['SKU', p.sku], ['商品名称', p.name], ['类目', p.category], ['产地', p.origin],
            ['售价', yuan(p.priceFen)], ['佣金', percent(p.commissionBp)], ['库存', count(p.stock)]]
            .map(([label, text]) => h('td', { 'data-label': label }, text))))))));
  }

  function chooseAgain(label = '重新选择文件') {
    return h('button', { class: 'btn', type: 'button', onclick: () => input.click() }, label);
  }

  async function loadHistory() {
    mount(history, loading('正在加载导入记录…'));
    try {
      const result = await api.get('/catalog/imports', { size: 5 });
      mount(history, result.items.length ? historyTable(result.items)
        : empty('还没有导入记录', '下载模板，填好商品后拖到上面的方框里，先预检再导入。'));
    } catch (error) {
      if (error.slug !== 'no-brand') {
        mount(history, errorNotice(error));
        return;
      }
      // nothing can be uploaded before the account belongs to a brand: say so instead of offering the upload
      mount(uploadCard, noBrandYet('就可以在这里上传商品目录'));
      historyCard.hidden = true;
    }
  }

  await loadHistory();
  return () => { left = true; };
}

function historyTable(items) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data stack', 'aria-label': '最近导入' },
    h('thead', {}, h('tr', {}, ['时间', '文件', '方式', '状态', '新增', '更新', '未变化', '失败'].map((t) => h('th', {}, t)))),
    h('tbody', {}, items.map((job) => h('tr', {},
      h('td', { 'data-label': '时间' }, dateTime(job.createdAt)),
      h('td', { 'data-label': '文件' }, job.fileName ?? '—'),
      h('td', { 'data-label': '方式' }, job.mode === 'dry-run' ? '预检' : '导入'),
      h('td', { 'data-label': '状态' }, h('span', { class: `tag import-${job.status}` }, STATUS_LABELS[job.status] ?? job.status)),
      [['新增', job.report.inserted], ['更新', job.report.updated], ['未变化', job.report.unchanged], ['失败', job.report.failed]]
        .map(([label, n]) => h('td', { 'data-label': label }, job.mode === 'dry-run' && label !== '失败' ? '—' : count(n))))))));
}

function progressBar(label, doneLabel) {
  const fill = h('div', { class: 'fill' });
  const text = h('span', {}, `${label}…`);
  const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0,
    'aria-label': label, 'data-testid': 'import-progress' }, fill);
  return {
    el: h('div', { class: 'progress-block' }, bar, h('div', { class: 'hint', role: 'status' }, text)),
    update(job) {
      const rows = job.progress.rowsTotal
        ? `，${count(job.progress.rowsDone)} / ${count(job.progress.rowsTotal)} 行` : '';
      if (job.status === 'failed') {
        // a file refused before its rows were read is not "failed 100%": the bar stops where reading stopped, grey
        const share = job.progress.rowsTotal ? Math.floor((job.progress.rowsDone * 100) / job.progress.rowsTotal) : 0;
        bar.classList.add('stopped');
        fill.style.width = `${share}%`;
        bar.setAttribute('aria-valuenow', share);
        text.textContent = `${label.replace('正在', '')}未完成：文件无法导入，原因见下方${rows}`;
        return;
      }
      const pct = job.progress.percent ?? 0;
      fill.style.width = `${pct}%`;
      bar.setAttribute('aria-valuenow', pct);
      text.textContent = job.status === 'succeeded'
        ? `${doneLabel}${rows}` : `${label}：${STATUS_LABELS[job.status] ?? job.status} ${pct}%${rows}`;
    },
  };
}

/**
 * Shopify exports carry no commission and English product types: say what the import will store for them, judged
 * on the preview's rows (the first of the file).
 */
function shopifyWarnings(job) {
  if (job.layout !== 'shopify') return null;
  const rows = job.preview ?? [];
  const warnings = [];
  if (rows.some((p) => !p.commissionBp)) {
    warnings.push('Shopify 导出文件没有佣金列，未填佣金的商品将按佣金 0% 导入：请在文件中加一列「佣金比例」（如 15%）后重新预检，或导入后逐个修改。');
  }
  const untranslated = [...new Set(rows.map((p) => p.category).filter((c) => c && !/[\u4e00-\u9fff]/.test(c)))];
  if (untranslated.length) {
    warnings.push(`这些类目不是中文：${untranslated.join('、')}。主播和审核员将看到原文，请把 Type 列改成中文类目（如 枸杞、滩羊肉、葡萄酒）后重新预检。`);
  }
  return warnings.length ? h('div', { 'data-testid': 'import-warnings' }, warnings.map((w) => notice('info', w))) : null;
}

/** The server's error report with its 错误说明 column in Chinese, as the page shows it. */
function inChinese(text) {
  const [head, ...rows] = parseCsv(text);
  const column = head.indexOf('错误说明');
  return toCsv([head, ...rows.map((row) => row.map((cell, i) => (i === column ? catalogRowMessage(cell) : cell)))]);
}

function describe(job) {
  const format = job.format === 'xlsx' ? 'Excel（.xlsx）' : `CSV（${job.encoding ?? '—'}）`;
  return job.layout === 'shopify' ? `${format}，Shopify 商品导出` : `${format}，本平台模板`;
}

function finished(job) {
  return job.status === 'succeeded' || job.status === 'failed';
}

function size(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
