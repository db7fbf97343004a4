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

/** The 25 steps of 《中国共产党发展党员工作细则》 in order, then the two outcomes of a probation. */
export const STEP_KINDS = {
  application: '递交入党申请书',
  talk: '党组织派人谈话',
  activist: '推荐和确定入党积极分子',
  activist_filing: '积极分子报上级党委备案',
  contacts: '指定培养联系人',
  assessment: '培养教育考察',
  development_target: '确定发展对象',
  target_filing: '发展对象报上级党委备案',
  sponsors: '确定入党介绍人',
  political_review: '进行政治审查',
  training: '开展集中培训',
  committee_review: '支部委员会审查',
  pre_review: '上级党委预审',
  application_form: '填写入党志愿书',
  branch_meeting: '支部大会讨论接收',
  committee_talk: '上级党委派人谈话',
  approval: '上级党委审批',
  probation_filing: '报上级党委组织部门备案',
  assignment: '编入党支部和党小组',
  oath: '入党宣誓',
  probation_assessment: '继续教育考察',
  conversion_application: '提出转正申请',
  conversion_meeting: '支部大会讨论转正',
  conversion_approval: '上级党委审批转正',
  archiving: '材料归档',
  extension: '延长预备期',
  cancellation: '取消预备党员资格',
};

/** The five stages of the 细则 that group the 25 steps. */
export const PHASES = {
  1: '第一阶段 申请入党',
  2: '第二阶段 入党积极分子的确定和培养教育',
  3: '第三阶段 发展对象的确定和考察',
  4: '第四阶段 预备党员的接收',
  5: '第五阶段 预备党员的教育、考察和转正',
};

/** Which steps make sense in each stage: the form offers these first (the server still decides). */
export const NEXT_STEPS = {
  none: ['application'],
  applicant: ['talk', 'activist'],
  activist: ['activist_filing', 'contacts', 'assessment', 'training', 'development_target'],
  development_target: ['target_filing', 'sponsors', 'political_review', 'training', 'contacts', 'assessment',
    'committee_review', 'pre_review', 'application_form', 'branch_meeting'],
  probationary: ['committee_talk', 'approval', 'probation_filing', 'assignment', 'oath', 'probation_assessment',
    'extension', 'conversion_application', 'conversion_meeting', 'conversion_approval', 'cancellation'],
  full_member: ['archiving'],
  cancelled: [],
};

/** Conditions of the checklist that are not steps. */
export const CONDITIONS = {
  activist_more_than_one_year: '积极分子培养满一年以上',
  training: '集中培训满 3 天或 24 学时',
  probation_over: '预备期满',
};

export const OBLIGATIONS = {
  talk: '申请后一个月内谈话',
  activist_filing: '积极分子报上级党委备案',
  assessment: '半年一次的考察',
  target_filing: '发展对象报上级党委备案',
  pre_review: '上级党委预审',
  approval: '上级党委审批',
  probation_filing: '预备党员报组织部门备案',
  probation_end: '预备期满待转正',
  archiving: '材料归档',
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
