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
  'talk-already-held': '已记录过党组织与该申请人的谈话。',
  'applicant-under-18': '递交入党申请时须年满 18 周岁。',
  'activist-less-than-one-year': '入党积极分子须经过一年以上的培养考察，才能确定为发展对象。',
  'training-hours-insufficient': '集中培训不足 24 学时（含学习角课程学时），还不能确定为发展对象。',
  'branch-meeting-quorum': '支部大会到会的有表决权党员须超过应到人数的一半。',
  'branch-meeting-majority': '赞成票须超过应到会有表决权党员的一半。',
  'approval-already-given': '上级党委已经审批过，不能重复记录。',
  'approval-deadline-passed': '上级党委须在支部大会后 6 个月内审批，已超过期限。',
  'probation-already-extended': '预备期只能延长一次。',
  'extension-out-of-range': '预备期延长须为 6 至 12 个月。',
  'approval-missing': '须先经上级党委审批，才能转为正式党员。',
  'probation-not-over': '预备期（一年）未满，还不能转为正式党员。',
};

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
