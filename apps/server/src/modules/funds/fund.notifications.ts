import type { FundApplicationState } from '@suilian/contracts';
import { type BilingualText, clip, type NotificationMessage, type Recipient } from '../notifications/index.js';

/** The console's names of the states (i18n parts/funds.ts states), so mail and console agree. */
export const FUND_STATE_NAMES: Readonly<Record<FundApplicationState, BilingualText>> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '区级审核', en: 'District review' },
  returned: { zh: '退回修改', en: 'Returned' },
  city_review: { zh: '市级审核', en: 'City review' },
  publicity: { zh: '公示中', en: 'Publicity' },
  awarded: { zh: '已立项奖补', en: 'Awarded' },
  disbursed: { zh: '已拨付', en: 'Disbursed' },
  rejected: { zh: '不予支持', en: 'Rejected' },
};

/** An application as its notices name it. */
export interface NoticeApplication {
  id: string;
  code: string;
  enterpriseId: string;
  enterpriseName: string;
  districtId: string;
  programmeNameZh: string;
  programmeNameEn: string;
}

/** One message and who gets it. */
export interface FundNotice {
  recipients: Recipient[];
  message: NotificationMessage;
}

/**
 * Who acts next after a step, and what they read (pure): the district after a submission, the city
 * after the district approves, the enterprise whenever its application comes back, enters 公示, is
 * awarded, rejected or paid.
 */
export function fundStepNotice(a: NoticeApplication, to: FundApplicationState, comment: string | null): FundNotice {
  const link = `/funds/applications/${a.id}`;
  const name = FUND_STATE_NAMES[to];
  const note = comment ? { zh: `意见：${clip(comment, 200)}`, en: `Comment: ${clip(comment, 200)}` } : { zh: '', en: '' };
  const enterprise: Recipient[] = [{ role: 'enterprise_user', orgId: a.enterpriseId }];
  const recipients: Recipient[] =
    to === 'submitted' ? [{ role: 'district_officer', orgId: a.districtId }] : to === 'city_review' ? [{ role: 'city_admin' }] : enterprise;
  return {
    recipients,
    message: {
      kind: `fund.${to}`,
      title: { zh: `专项资金申请 ${a.code}：${name.zh}`, en: `Fund application ${a.code}: ${name.en}` },
      body: {
        zh: `${a.enterpriseName} 申报「${a.programmeNameZh}」的申请现为「${name.zh}」。${note.zh}`,
        en: `${a.enterpriseName}'s application to "${a.programmeNameEn}" is now "${name.en}". ${note.en}`,
      },
      link,
    },
  };
}
