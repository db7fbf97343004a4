// Chinese wording for the API's RFC 9457 problems. The problem type's last segment (the slug) is stable,
// so it decides the message; the English detail is only a fallback for slugs this table does not know yet.

const BY_SLUG = {
  'validation': '填写的内容有误，请按提示修改后重试。',
  'malformed-json': '请求内容格式错误，请刷新页面后重试。',
  'bad-request': '请求无法处理，请检查填写的内容。',
  'invalid-credentials': '用户名或密码错误；如果账号已被停用，请联系基地管理员。',
  'too-many-failed-logins': '登录失败次数过多，请稍后再试。',
  'too-many-concurrent-logins': '同时进行的登录过多，请稍后再试。',
  'password-change-required': '您正在使用临时密码，请先修改密码，然后才能使用其他功能。',
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
  'headers-too-large': '请求头太大，请退出登录后重新登录再试。',
  'uri-too-long': '请求地址太长，请减少筛选条件后重试。',
  'service-unavailable': '服务暂时不可用（数据库或缓存未就绪），请稍后重试。',
  'internal': '服务器内部错误，请稍后重试；如仍失败，请把请求编号告诉管理员。',
  // people: streamers, teams, screening, Party development (the rule each refusal names), study
  'account-not-streamer': '主播档案只能关联已有的主播账号。',
  'account-already-linked': '该账号已关联其他主播档案。',
  'streamer-has-left': '该主播已离开基地，不能再进行此操作。',
  'already-in-team': '该主播已在这个团队中。',
  'membership-before-previous': '调队时间不能早于上一次调入团队的时间。',
  'captain-not-member': '队长必须是该团队的现任成员。',
  'date-in-future': '日期不能晚于今天。',
  'step-in-future': '步骤日期不能晚于今天。',
  'record-closed': '该发展记录已结束（已转为正式党员或已取消预备资格），不能再添加步骤。',
  'step-not-allowed-in-stage': '当前发展阶段不能记录这一步骤。',
  'stage-already-reached': '该主播已处于这一阶段或更后的阶段。',
  'stage-skipped': '不能跳过发展阶段，须按 申请人→积极分子→发展对象→预备党员→正式党员 的顺序逐级推进。',
  'step-out-of-order': '步骤须按日期先后记录，日期不能早于上一步。',
  'step-already-recorded': '这一步骤已经记录过，不能重复记录。',
  'talk-missing': '须先由党组织派人与申请人谈话，才能确定为入党积极分子。',
  'committee-review-missing': '须先经支部委员会审查。',
  'pre-review-missing': '须先经上级党委预审。',
  'application-form-missing': '须先填写入党志愿书，才能提交支部大会讨论。',
  'sponsors-missing': '须先确定两名正式党员作入党介绍人。',
  'political-review-missing': '须先完成政治审查并作出结论。',
  'committee-talk-missing': '上级党委审批前须先派人谈话。',
  'conversion-application-missing': '须先由预备党员提出书面转正申请。',
  'conversion-meeting-missing': '须先经支部大会讨论通过转正。',
  'extension-before-probation-end': '延长预备期须在预备期满时讨论决定，不能提前。',
  'training-insufficient': '集中培训不足 3 天或 24 学时（含经系统核验的学习角课程学时），还不能提交支部委员会审查或支部大会讨论。',
  'applicant-under-18': '递交入党申请时须年满 18 周岁。',
  'activist-less-than-one-year': '入党积极分子须经过一年以上的培养考察，才能确定为发展对象。',
  'branch-meeting-quorum': '支部大会到会的有表决权党员须超过应到人数的一半。',
  'branch-meeting-majority': '赞成票须超过应到会有表决权党员的一半。',
  'approval-deadline-passed': '上级党委须在支部大会后 6 个月内审批，已超过期限。',
  'extension-out-of-range': '预备期延长须为 6 至 12 个月。',
  'approval-missing': '须先经上级党委审批。',
  'probation-not-over': '预备期未满，还不能讨论转正。',
  'progress-backdated': '学习记录以服务器时间为准，不能补记以前的学习。',
  'minutes-not-studied': '填报的学习时长超过了实际打开学习内容的时长。',
  'study-not-finished': '学习时长还不够，请学完全部内容后再标记完成。',
  'quiz-not-passed': '测验未全部答对，请重新阅读后再答。',
  // sales import and enterprises (issue 6)
  'empty-file': '文件是空的：第一行应是表头（订单号、下单时间、主播账号、商品ID 等）。',
  'malformed-csv': '文件不是有效的 CSV，请在表格软件中另存为「CSV UTF-8」后重试。',
  'undecodable-text': '文件既不是 UTF-8 也不是 GBK 编码的文本，请另存为「CSV UTF-8」后重试。',
  'missing-columns': '表头缺少必需的列：订单号、下单时间、主播账号，以及商品ID（或品牌ID + SKU）。',
  'enterprise-name-taken': '已有同名企业，请换一个名称。',
  // brands, products, catalog, selection
  'upload-interrupted': '上传中断了，请检查网络后重新上传。',
  'no-brand': '您的账号还没有关联品牌，请联系基地管理员。',
  'not-a-brand-partner': '该账号不是品牌方账号。',
  'sku-taken': '本品牌已有相同 SKU 编码的商品。',
  'sku-immutable': 'SKU 编码创建后不能修改。',
  'already-delisted': '该商品已经下架。',
  'nothing-to-review': '该商品没有待审核的内容（可能已被其他管理员处理），请刷新列表。',
  'product-not-approved': '只能选择已审核通过的商品。',
  'planned-date-past': '直播日期不能早于今天。',
  'brand-name-taken': '已有同名品牌，请换一个名称。',
  'team-name-taken': '已有同名团队，请换一个名称。',
  'sales-booked-after-move': '该主播在当前团队已有销售记录，调队日期须晚于最后一笔销售。',
  // live sessions
  'not-your-session': '主播只能为自己安排直播。',
  'product-not-sellable': '有商品不能在本场直播销售：须是已审核通过、未下架，并且在该主播选品清单中的商品。',
  'session-not-scheduled': '只有「待开播」的场次才能开播，请刷新列表查看最新状态。',
  'session-not-live': '只有正在直播的场次才能结束，请刷新列表查看最新状态。',
  'session-without-products': '一场直播至少要带一件商品，请从选品清单中选择商品。',
  // both uploads: the catalog takes up to 50 MB or 100,000 rows, a sales import up to 8 MB
  'file-too-large': '文件太大，请拆分成几个文件分别上传（商品目录最大 50 MB 或 10 万行，销售数据最大 8 MB）。',
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

const SHOPIFY_HEADERS = { handle: 'Handle', title: 'Title', 'variant sku': 'Variant SKU', 'variant price': 'Variant Price' };

export function importFailureMessage(failure) {
  if (failure?.code === 'missing-columns') return missingColumns(String(failure.message ?? ''));
  return IMPORT_FAILURES[failure?.code] ?? `导入失败：${failure?.message ?? '未知原因'}`;
}

/** Names the columns the file lacks (the server lists them in its English message), and what the file has instead. */
function missingColumns(message) {
  const template = message.match(/columns are missing: (.*?)\. Found: (.*?)\. Download/);
  if (template) {
    const names = template[1].split(', ').map((c) => c.replace(/ \(.*\)$/, ''));
    return `缺少必填列：${names.join('、')}。文件中的表头是：${template[2].split(', ').join('、')}。请下载模板对照表头。`;
  }
  const shopify = message.match(/lacks required columns: \[(.*)\]/);
  if (shopify) {
    const names = shopify[1].split(', ').map((c) => SHOPIFY_HEADERS[c] ?? c);
    return `这个 Shopify 商品导出文件缺少必填列：${names.join('、')}。请从 Shopify 后台重新导出全部列。`;
  }
  return IMPORT_FAILURES['missing-columns'];
}

// The catalog import's per-row messages are English sentences; these patterns give the Chinese for the common ones.
const CATALOG_ROW_PATTERNS = [
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

/** The Chinese of the first pattern that matches `message`, or `otherwise` when none does. */
function translated(patterns, message, otherwise) {
  for (const [pattern, wording] of patterns) {
    const match = String(message).match(pattern);
    if (match) return wording(match);
  }
  return otherwise;
}

/** One catalog import row error in Chinese; an unknown wording is shown as the server wrote it. */
export function catalogRowMessage(message) {
  return translated(CATALOG_ROW_PATTERNS, message, String(message));
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
  const known = BY_SLUG[slug];
  if (known) return known + datesOf(problem);
  return BY_STATUS[status] ?? `请求失败（${status}）：${problem?.detail ?? '未知错误'}`;
}

/** A rule's English detail often names the dates that matter (e.g. from when a step is allowed): keep those. */
function datesOf(problem) {
  const dates = String(problem?.detail ?? '').match(/\d{4}-\d{2}-\d{2}/g);
  return dates ? `（相关日期：${[...new Set(dates)].join('、')}）` : '';
}

// The contract validator speaks English; these patterns cover its messages.
const FIELD_PATTERNS = [
  [/must not be blank/i, () => '不能为空'],
  [/cannot be longer than the incubation/i, () => '免租期不能长于孵化期'],
  [/must not be before from/i, () => '结束日期不能早于开始日期'],
  [/must be after plannedStart/i, () => '计划结束时间须晚于计划开始时间'],
  [/must be dry-run or commit/i, () => '只能是预检或导入'],
  [/is required for managers/i, () => '基地管理员须选择品牌'],
  [/must be a whole number/i, () => '须是整数'],
  [/must be between ([\d,]+) and ([\d,]+) yuan/i, (m) => `须在 ${m[1]} 到 ${m[2]} 元之间`],
  [/must be between 0% and 100%/i, () => '须在 0% 到 100% 之间'],
  [/must be between (-?\d+) and (-?\d+)/i, (m) => `须在 ${m[1]} 到 ${m[2]} 之间`],
  [/must be a date like/i, () => '日期格式应为 2026-05-01'],
  [/must differ from the current password/i, () => '新密码不能与当前密码相同'],
  [/must be at least (\d+) characters/i, (m) => `至少 ${m[1]} 个字符`],
  [/must be at most (\d+) characters/i, (m) => `最多 ${m[1]} 个字符`],
  [/unknown role/i, () => '没有这个角色'],
  [/training step needs its class hours or days/i, () => '培训须填写学时或天数'],
  [/needs yesVotes <= present <= entitledVoters/i, () => '须满足 赞成票 ≤ 到会人数 ≤ 应到人数'],
  [/unknown step/i, () => '没有这个发展步骤'],
  [/is required for an? \S+ step/i, () => '这一步骤必须填写'],
  [/may contain only letters, digits/i, () => '只能包含字母、数字和 . _ / -'],
  [/must not be negative/i, () => '不能为负数'],
  [/not an http\(s\) URL/i, () => '须是 http(s) 开头的链接'],
  [/^is required$/i, () => '必填'],
  [/is not an active streamer/i, () => '不是在岗的主播'],
  [/must be an ISO-8601 date-time with offset/i, () => '时间格式应为 2026-05-01T20:00:00+08:00'],
  [/must be one of/i, () => '不是可选的值'],
  [/needs (\d+) different names/i, (m) => `须填写 ${m[1]} 个不同的姓名`],
  [/only a course carries class hours/i, () => '只有课程才填写学时'],
  [/is not a cursor this listing answered as next/i, () => '翻页位置无效，请从第一页重新浏览'],
  [/must be given once/i, () => '只能填写一次'],
  [/must name one of the options/i, () => '须选择其中一个选项'],
  [/^the field name /i, () => '字段名含有不允许的字符'],
  [/at most (\d+) days after from/i, (m) => `时间段最长 ${m[1]} 天`],
  [/must be a month like/i, () => '月份格式应为 2026-05'],
  [/give a GMV target, a growth target or both/i, () => '请填写成交额目标或增长目标（也可以都填）'],
  [/growth target needs its basis/i, () => '增长目标需要选择比较基准'],
  [/base targets have no scopeId/i, () => '全基地目标不选对象，其他目标必须选择对象'],
  [/required property/i, () => '必填'],
  [/not your current password/i, () => '当前密码不正确'],
  // the password policy (account/PasswordPolicy.java)
  [/must be at least (\d+) characters/i, (m) => `至少 ${m[1]} 个字符`],
  [/must not be one character repeated/i, () => '不能只由同一个字符重复组成'],
  [/must not be your username/i, () => '不能与用户名相同'],
  [/is too common/i, () => '这个密码太常见，很容易被猜中，请换一个'],
  [/must differ from the current password/i, () => '新密码不能与当前密码相同'],
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

// Row errors of a sales import, as the server words them.
const SALES_ROW_PATTERNS = [
  [/order id of 1 to 64/i, () => '订单号必填，最多 64 个字符'],
  [/must be order\/订单/i, () => '类型只能是 订单、退款 或 取消'],
  [/refund or cancellation names the order/i, () => '退款或取消必须填写原订单号'],
  [/only refunds and cancellations name/i, () => '只有退款和取消才填写原订单号'],
  [/streamer's account username is required/i, () => '主播账号必填'],
  [/no streamer account has this username/i, () => '没有这个用户名的主播账号'],
  [/name the product by/i, () => '请填写商品ID，或品牌ID和SKU'],
  [/no such product|unknown product|no product/i, () => '找不到这个商品'],
  [/quantity from 1 to/i, () => '订单数量须在 1 到 100000 之间'],
  [/order needs its amount/i, () => '订单必须填写金额'],
  [/channel outside the base's live rooms/i, () => '渠道须是直播间以外的渠道，如 douyin、taobao、offline'],
  [/is not a whole number/i, () => '不是整数'],
  [/is not a time like/i, () => '时间格式应为 2026-05-01 20:15（北京时间）'],
  [/appears earlier in the file/i, () => '该订单号在文件前面已出现过'],
  [/already in the ledger with other figures/i, () => '该订单号已在台账中，但内容不同'],
  [/no such order in the ledger/i, () => '原订单不在台账中，也不在文件前面'],
  [/refunds more than remains of the order \((-?\d+) fen\)/i, (m) => `退款金额超过该订单剩余金额（剩余 ¥${(Number(m[1]) / 100).toFixed(2)}）`],
];

/** One import row error in Chinese; an unknown wording is shown as the server wrote it rather than hidden. */
export function salesRowMessage(message) {
  return translated([...SALES_ROW_PATTERNS, ...FIELD_PATTERNS], message, String(message));
}

function translateField(message) {
  return translated(FIELD_PATTERNS, message, '取值无效');
}
