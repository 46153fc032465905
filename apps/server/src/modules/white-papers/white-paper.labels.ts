import type { WhitePaperChapter, WhitePaperPeriod } from '@suilian/contracts';

/** Chinese wording of the states and levels the white paper counts (the document is in Chinese). */
export const PROJECT_STATE_ZH: Record<string, string> = {
  draft: '草稿',
  submitted: '已申报',
  returned: '退回修改',
  city_review: '市级审核',
  rejected: '不予通过',
  approved: '审核通过',
  under_construction: '在建',
  built: '建成',
  accepted: '已验收',
  cancelled: '已撤销',
};
export const FACTORY_LEVEL_ZH: Record<string, string> = { line: '产线级', workshop: '车间级', factory: '工厂级' };
export const NETWORK_STATE_ZH: Record<string, string> = { planned: '规划中', building: '建设中', in_service: '已开通', retired: '已退网' };

export const CHAPTER_TITLES: Record<WhitePaperChapter, string> = {
  overview: '总体进展与2027年目标',
  districts: '各区发展',
  projects: '项目建设与典型案例',
  factories: '5G工厂',
  networks: '5G行业专网与边缘计算',
  security: '工业互联网安全',
  funds: '专项资金',
};

/** 2026年度 / 2026年上半年 / 2026年下半年. */
export function periodLabel(year: number, period: WhitePaperPeriod): string {
  return period === 'year' ? `${year}年度` : `${year}年${period === 'h1' ? '上' : '下'}半年`;
}

/** The period's first and last day (ISO dates). */
export function periodDates(year: number, period: WhitePaperPeriod): { start: string; end: string } {
  if (period === 'h1') return { start: `${year}-01-01`, end: `${year}-06-30` };
  if (period === 'h2') return { start: `${year}-07-01`, end: `${year}-12-31` };
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The edition's number as issued: 穗联白皮书〔2026〕第1号. */
export function editionNumber(year: number, sequence: number): string {
  return `穗联白皮书〔${year}〕第${sequence}号`;
}

/** The edition's title. */
export function editionTitle(year: number, period: WhitePaperPeriod): string {
  return `广州市"5G+工业互联网"发展白皮书（${periodLabel(year, period)}）`;
}
