import type { API, TrainingActivity } from '@suilian/contracts';
import { codeColumn, type ListExport, textColumn, type Worded } from '../../platform/tabular/list-export.js';
import type { TrainingService } from './training.service.js';

const KIND_NAMES: Record<TrainingActivity['kind'], Worded> = {
  cohort: { zh: '培训期次', en: 'Cohort' },
  event: { zh: '活动', en: 'Event' },
};

/** 培训与活动清单, filtered as the list, with the roster's figures (no people: they stay on the roster page). */
export function trainingActivityExport(
  trainings: Pick<TrainingService, 'listActivities'>,
): ListExport<typeof API.exportTrainingActivities, TrainingActivity> {
  return {
    name: { zh: '培训与活动', en: 'Trainings and events' },
    list: (actor, query) => trainings.listActivities(actor, query),
    columns: [
      textColumn({ zh: '名称', en: 'Title' }, (a) => a.title, 36),
      codeColumn({ zh: '类型', en: 'Kind' }, KIND_NAMES, (a) => a.kind),
      textColumn({ zh: '课程', en: 'Course' }, (a) => a.courseTitle, 28),
      { header: { zh: '开始日期', en: 'Starts on' }, value: (a) => a.startsOn, type: 'date' },
      { header: { zh: '结束日期', en: 'Ends on' }, value: (a) => a.endsOn, type: 'date' },
      textColumn({ zh: '地点', en: 'Venue' }, (a) => a.venue ?? (a.online ? 'online' : null), 24),
      textColumn({ zh: '所在区', en: 'District' }, (a) => a.districtName),
      textColumn({ zh: '组织单位', en: 'Organiser' }, (a) => a.organiserName ?? a.districtName, 24),
      { header: { zh: '名额', en: 'Capacity' }, value: (a) => String(a.capacity) },
      { header: { zh: '已报名', en: 'Enrolled' }, value: (a) => String(a.enrolled) },
      { header: { zh: '已签到', en: 'Checked in' }, value: (a) => String(a.checkedIn) },
      { header: { zh: '已结业', en: 'Completed' }, value: (a) => String(a.completed) },
    ],
  };
}
