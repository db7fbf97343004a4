// Chinese wording for the API's RFC 9457 problems. The problem type's last segment (the slug) is stable,
// so it decides the message; the English detail is only a fallback for slugs this table does not know yet.

const BY_SLUG = {
  'validation': '填写的内容有误，请按提示修改后重试。',
  'malformed-json': '请求内容格式错误，请刷新页面后重试。',
  'bad-request': '请求无法处理，请检查填写的内容。',
  'invalid-credentials': '用户名或密码错误。',
  'too-many-failed-logins': '登录失败次数过多，请稍后再试。',
  'account-disabled': '该账号已被停用，请联系基地管理员。',
  'missing-token': '请先登录。',
  'invalid-token': '登录已过期，请重新登录。',
  'token-revoked': '登录已失效（密码已修改或账号已变更），请重新登录。',
  'role-not-allowed': '您的角色无权执行此操作。',
  'forbidden': '您无权执行此操作。',
  'not-found': '要找的内容不存在，或不属于您。',
  'username-taken': '该用户名已被占用，请换一个。',
  'cannot-disable-self': '不能停用自己正在使用的账号。',
  'method-not-allowed': '服务器不支持此操作。',
  'unsupported-media-type': '上传的内容类型不受支持。',
  'payload-too-large': '提交的内容太大，请减小文件或分批提交。',
  'service-unavailable': '服务暂时不可用（数据库或缓存未就绪），请稍后重试。',
  'internal': '服务器内部错误，请稍后重试；如仍失败，请把请求编号告诉管理员。',
  // brands, products, catalog, selection
  'file-too-large': '文件超过 50 MB（或 10 万行），请拆分成几个文件分别上传。',
  'upload-interrupted': '上传中断了，请检查网络后重新上传。',
  'no-brand': '您的账号还没有关联品牌，请联系基地管理员。',
  'not-a-brand-partner': '该账号不是品牌方账号。',
  'sku-taken': '本品牌已有相同 SKU 编码的商品。',
  'sku-immutable': 'SKU 编码创建后不能修改。',
  'already-delisted': '该商品已经下架。',
  'nothing-to-review': '该商品没有待审核的内容（可能已被其他管理员处理），请刷新列表。',
  'product-not-approved': '只能选择已审核通过的商品。',
  'planned-date-past': '直播日期不能早于今天。',
};

/** Why a catalog import stopped before reading rows (the job's failure.code), in Chinese. */
const IMPORT_FAILURES = {
  'empty-file': '文件是空的，请下载模板填写后再上传。',
  'no-rows': '文件只有表头，没有商品行。',
  'binary-file': '这不是 CSV 或 XLSX 文件，请上传商品目录表格。',
  'undecodable-text': '文件编码无法识别（不是 UTF-8 或 GBK），请在 Excel 中“另存为 CSV UTF-8”后重新上传。',
  'xls-not-supported': '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后上传。',
  'utf16-not-supported': '不支持 UTF-16 编码的文本，请另存为 CSV UTF-8 后上传。',
  'missing-columns': '缺少必填列（SKU编码、商品名称、类目、售价、佣金比例），请下载模板对照表头。',
  'malformed-csv': 'CSV 格式有误（例如引号没有成对），请检查文件后重新上传。',
  'unreadable-xlsx': 'XLSX 文件无法读取，请用 Excel 重新保存后上传。',
  'interrupted': '服务器在导入过程中重启，请重新上传（重复上传是安全的）。',
  'internal-error': '导入意外中断，请重新上传（重复上传是安全的）。',
};

export function importFailureMessage(failure) {
  return IMPORT_FAILURES[failure?.code] ?? `导入失败：${failure?.message ?? '未知原因'}`;
}

// The import's per-row messages are English sentences; these patterns give the Chinese for the common ones.
const ROW_PATTERNS = [
  [/^is required$/, () => '必填'],
  [/^starts with '(.*)', which spreadsheets run as a formula/, (m) => `以“${m[1]}”开头，表格软件会当作公式执行，请删除开头的字符`],
  [/appears more than once in the file \(again in row (\d+)\)/, (m) => `该 SKU 在文件中重复出现（第 ${m[1]} 行再次出现），这些行都不会导入`],
  [/already appears in row (\d+)/, (m) => `该 SKU 已在第 ${m[1]} 行出现`],
  [/is not an amount in yuan/, () => '不是有效的金额（元），例如 129.00 或 ¥1,299.00'],
  [/is not a percentage/, () => '不是有效的百分比，例如 15%'],
  [/must be at most 100%/, () => '不能超过 100%'],
  [/more than two decimals of a percent/, () => '百分比最多两位小数'],
  [/is not a whole number/, () => '不是整数'],
  [/is not a weight/, () => '不是有效的重量，例如 500、500g 或 0.5kg'],
  [/is out of range|is too large/, () => '数值超出范围'],
  [/must be at most (\d+) characters/, (m) => `最多 ${m[1]} 个字符`],
  [/may contain only letters, digits/, () => '只能包含字母、数字和 . _ / -'],
  [/must not be negative/, () => '不能为负数'],
  [/must be between 0 and 100,000,000 yuan/, () => '须在 0 到 1 亿元之间'],
  [/not an http\(s\) URL/, () => '不是 http(s) 开头的图片链接'],
];

export function rowErrorMessage(message) {
  for (const [pattern, wording] of ROW_PATTERNS) {
    const match = String(message).match(pattern);
    if (match) return wording(match);
  }
  return message;
}

const BY_STATUS = {
  400: '请求有误，请检查填写的内容。',
  401: '请先登录。',
  403: '您无权执行此操作。',
  404: '要找的内容不存在。',
  409: '与现有数据冲突，请刷新后重试。',
  413: BY_SLUG['payload-too-large'],
  422: '该操作不符合业务规则。',
  429: '操作过于频繁，请稍后再试。',
  503: BY_SLUG['service-unavailable'],
};

export const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试。';

export function slugOf(problem) {
  const type = problem?.type ?? '';
  return type.slice(type.lastIndexOf('/') + 1);
}

/** One Chinese sentence for a problem answer (status and parsed body). */
export function messageFor(status, problem) {
  const slug = slugOf(problem);
  return BY_SLUG[slug] ?? BY_STATUS[status] ?? `请求失败（${status}）：${problem?.detail ?? '未知错误'}`;
}

// The contract validator speaks English; these patterns cover its messages.
const FIELD_PATTERNS = [
  [/required property/i, () => '必填'],
  [/not your current password/i, () => '当前密码不正确'],
  [/String is too short \(\d+ < (\d+)\)/i, (m) => `至少 ${m[1]} 个字符`],
  [/String is too long \(\d+ > (\d+)\)/i, (m) => `最多 ${m[1]} 个字符`],
  [/does not match pattern/i, () => '格式不符合要求'],
  [/is less than (\S+)/i, (m) => `不能小于 ${m[1]}`],
  [/is greater than (\S+)/i, (m) => `不能大于 ${m[1]}`],
  [/enum|subschema/i, () => '不是可选的值'],
  [/type/i, () => '类型不正确'],
];

/** Generic wrappers only repeat a sharper error on the same field. */
const WRAPPER = /does not match (schema|additional properties)/i;

/** Field errors as {field: Chinese message}, the first precise message per field winning. */
export function fieldMessages(problem) {
  const byField = {};
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  for (const { field, message } of errors.filter((e) => !WRAPPER.test(e.message))) {
    byField[field] ??= translateField(message);
  }
  for (const { field } of errors) byField[field] ??= '取值无效';
  return byField;
}

function translateField(message) {
  for (const [pattern, wording] of FIELD_PATTERNS) {
    const match = String(message).match(pattern);
    if (match) return wording(match);
  }
  return '取值无效';
}
