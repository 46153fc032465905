import type { API, Round, RoundStage } from '@suilian/contracts';
import { beijingTime, codeColumn, type ListExport, textColumn, type Worded } from '../../platform/tabular/list-export.js';
import type { RoundService } from './round.service.js';

const STAGE_NAMES: Record<RoundStage, Worded> = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '征集中', en: 'Open for applications' },
  district_review: { zh: '区级推荐', en: 'District recommendation' },
  expert_review: { zh: '专家评审', en: 'Expert review' },
  closed: { zh: '评审结束', en: 'Review closed' },
  publicity: { zh: '公示中', en: 'Public notice' },
  published: { zh: '已发布', en: 'Published' },
};
const KIND_NAMES: Record<Round['kind'], Worded> = {
  benchmark_factory: { zh: '5G工厂标杆', en: '5G factory benchmark' },
  typical_case: { zh: '典型案例', en: 'Typical case' },
  other: { zh: '其他', en: 'Other' },
};
const SUBJECT_NAMES: Record<Round['subjectType'], Worded> = {
  factory: { zh: '5G工厂', en: '5G factory' },
  project: { zh: '项目', en: 'Project' },
};

/** 遴选批次清单 (#12 item 7): the rounds the caller sees (drafts only for organisers, as the list). */
export function roundExport(rounds: Pick<RoundService, 'list'>): ListExport<typeof API.exportSelectionRounds, Round> {
  return {
    name: { zh: '遴选批次清单', en: 'Selection rounds' },
    list: (actor, query) => rounds.list(actor, query),
    columns: [
      textColumn({ zh: '批次名称', en: 'Title' }, (r) => r.title, 40),
      codeColumn({ zh: '类型', en: 'Kind' }, KIND_NAMES, (r) => r.kind),
      codeColumn({ zh: '遴选对象', en: 'Subject' }, SUBJECT_NAMES, (r) => r.subjectType),
      textColumn({ zh: '年度', en: 'Year' }, (r) => r.year),
      codeColumn({ zh: '阶段', en: 'Stage' }, STAGE_NAMES, (r) => r.stage),
      textColumn({ zh: '申报截止', en: 'Deadline' }, (r) => beijingTime(r.deadline), 18),
      textColumn({ zh: '名额', en: 'Quota' }, (r) => r.quota),
      textColumn({ zh: '申报数', en: 'Applications' }, (r) => r.applicationCount),
    ],
  };
}
