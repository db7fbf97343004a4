// Words the people pages (streamers, screening, Party development, study) share: the API's codes in Chinese.
import { h } from './dom.js';

export const STREAMER_STATUS = { pool: '人才库', active: '红色直播间在岗', left: '已离开' };

export const STAGES = {
  none: '未递交申请',
  applicant: '入党申请人',
  activist: '入党积极分子',
  development_target: '发展对象',
  probationary: '预备党员',
  full_member: '正式党员',
  cancelled: '已取消预备资格',
};

/** The board's columns, in the order of the road to membership. */
export const BOARD_STAGES = ['none', 'applicant', 'activist', 'development_target', 'probationary', 'full_member', 'cancelled'];

export const STEP_KINDS = {
  application: '递交入党申请书',
  talk: '党组织派人谈话',
  activist: '确定为入党积极分子',
  assessment: '培养考察（每半年）',
  training: '集中培训',
  development_target: '确定为发展对象',
  branch_meeting: '支部大会接收为预备党员',
  approval: '上级党委审批',
  extension: '延长预备期',
  full_membership: '转为正式党员',
  cancellation: '取消预备党员资格',
};

/** Which steps make sense in each stage: the form offers these first (the server still decides). */
export const NEXT_STEPS = {
  none: ['application'],
  applicant: ['talk', 'activist'],
  activist: ['assessment', 'training', 'development_target'],
  development_target: ['assessment', 'training', 'branch_meeting'],
  probationary: ['approval', 'extension', 'full_membership', 'cancellation'],
  full_member: [],
  cancelled: [],
};

export const OBLIGATIONS = {
  talk: '申请后一个月内谈话',
  assessment: '半年一次的考察',
  approval: '上级党委审批',
  probation_end: '预备期满待转正',
};

export const DECISIONS = { admit: '准入红色直播间', reject: '不予准入', defer: '暂缓决定' };

export const STUDY_KINDS = { article: '文章', video: '视频', course: '课程' };

export function label(table, code) {
  return table[code] ?? code ?? '—';
}

/** A coloured tag for a code, e.g. tag(STAGES, 'activist', 'stage'). */
export function tag(table, code, kind = '') {
  return h('span', { class: `tag ${kind} ${code ?? ''}`.trim() }, label(table, code));
}

export function who(item) {
  return `${item.stageName}（${item.realName}）`;
}

/** Today in Asia/Shanghai as yyyy-mm-dd, the default day of dated forms. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
