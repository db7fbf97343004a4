// A streamer's study summary (学习角): points, today's points against the daily cap, streak, completed items and
// class hours, and what remains. The streamer's own page and the manager's streamer page both show it.
import { h, mount } from './dom.js';
import * as api from './api.js';
import { empty, errorNotice, loading } from './ui.js';
import { label, STUDY_KINDS } from './people.js';

/** Renders into `area`; resolves with the summary (or null when it could not be read). */
export async function studySummaryView(area, streamerId, { mine }) {
  mount(area, loading('正在加载学习进度…'));
  try {
    const s = await api.get(`/streamers/${streamerId}/study`);
    const done = s.totalItems ? Math.round((s.completedItems / s.totalItems) * 100) : 0;
    mount(area,
      h('div', { class: 'stats compact', 'data-testid': 'study-stats' },
        stat('学习积分', s.points, `今日 ${s.pointsToday} / ${s.dailyCap}（每日上限）`, 'study-points'),
        stat('连续学习', `${s.streakDays} 天`, s.streakDays ? '保持每天学习' : '今天学一点，开始连续学习', 'study-streak'),
        stat('已完成', `${s.completedItems} / ${s.totalItems}`, `累计学习 ${s.minutes} 分钟`, 'study-completed'),
        stat('课程学时', s.courseHours, '计入发展对象集中培训学时', 'study-hours')),
      h('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': done, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-label': '学习完成度' },
        h('div', { class: 'fill', style: `width: ${done}%` })),
      h('h3', {}, `还需学习（${s.remaining.length} 项）`),
      s.remaining.length ? remainingList(s.remaining)
        : empty(s.totalItems ? '全部学习内容都已完成' : '学习角还没有学习内容',
          s.totalItems ? (mine ? '做得好！新内容发布后会出现在这里。' : '该主播已学完全部内容。') : '基地管理员发布文章、视频或课程后会显示在这里。'));
    return s;
  } catch (error) {
    mount(area, errorNotice(error));
    return null;
  }
}

function stat(labelText, value, hint, testId) {
  return h('div', { class: 'stat', 'data-testid': testId },
    h('div', { class: 'label' }, labelText), h('div', { class: 'value' }, value), h('div', { class: 'hint' }, hint));
}

function remainingList(items) {
  return h('ul', { class: 'remaining', 'aria-label': '还需学习' }, items.map((item) => h('li', {},
    h('span', { class: 'tag' }, label(STUDY_KINDS, item.kind)), ' ', item.title,
    h('span', { class: 'hint' }, ` · ${item.minutes} 分钟 · ${item.points} 积分${item.classHours ? ` · ${item.classHours} 学时` : ''}`))));
}
