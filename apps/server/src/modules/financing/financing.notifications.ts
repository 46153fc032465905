import type { FinancingRequest } from '@suilian/contracts';
import { clip, type NotificationMessage, type Recipient } from '../notifications/index.js';

/** One message and who gets it. */
export interface FinancingNotice {
  recipients: Recipient[];
  message: NotificationMessage;
}

const link = (r: Pick<FinancingRequest, 'id'>) => `/financing/requests?open=${r.id}`;

/** To each bank routed to, when the enterprise submits: a request waits for its answer. */
export function submittedNotice(r: FinancingRequest, bankIds: readonly string[]): FinancingNotice {
  return {
    recipients: bankIds.map((orgId) => ({ role: 'bank_user', orgId })),
    message: {
      kind: 'financing.submitted',
      title: { zh: `新的融资需求 ${r.code}`, en: `New financing request ${r.code}` },
      body: {
        zh: `${r.enterpriseName} 为项目「${clip(r.projectTitle, 80)}」申请融资 ${r.amount} 元，期限 ${r.termMonths} 个月，请答复。`,
        en: `${r.enterpriseName} asks for ${r.amount} yuan over ${r.termMonths} months for "${clip(r.projectTitle, 80)}". Please answer.`,
      },
      link: link(r),
      dedupeKey: `financing.submitted:${r.id}`,
    },
  };
}

/** To the enterprise, when a bank answers: an offer to weigh, or a decline with its reason. */
export function answeredNotice(r: FinancingRequest, bankName: string, declineReason: string | null): FinancingNotice {
  const declined = declineReason !== null;
  return {
    recipients: [{ role: 'enterprise_user', orgId: r.enterpriseId }],
    message: {
      kind: declined ? 'financing.declined' : 'financing.offered',
      title: declined
        ? { zh: `${bankName} 婉拒了融资需求 ${r.code}`, en: `${bankName} declined financing request ${r.code}` }
        : { zh: `${bankName} 对融资需求 ${r.code} 给出授信方案`, en: `${bankName} made an offer on financing request ${r.code}` },
      body: declined
        ? { zh: `原因：${clip(declineReason, 200)}`, en: `Reason: ${clip(declineReason, 200)}` }
        : { zh: '请在有效期内查看并选择授信方案。', en: 'Review the offer and choose before it expires.' },
      link: link(r),
    },
  };
}

/** To the bank whose offer the enterprise accepted. */
export function acceptedNotice(r: FinancingRequest, bankId: string): FinancingNotice {
  return {
    recipients: [{ role: 'bank_user', orgId: bankId }],
    message: {
      kind: 'financing.accepted',
      title: { zh: `融资需求 ${r.code} 接受了贵行方案`, en: `Financing request ${r.code} accepted your offer` },
      body: {
        zh: `${r.enterpriseName} 接受了贵行的授信方案，放款后请在平台办结。`,
        en: `${r.enterpriseName} accepted your offer; close the request once the loan is granted.`,
      },
      link: link(r),
    },
  };
}

/** To the banks still involved, when the enterprise withdraws. */
export function withdrawnNotice(r: FinancingRequest, bankIds: readonly string[]): FinancingNotice {
  return {
    recipients: bankIds.map((orgId) => ({ role: 'bank_user', orgId })),
    message: {
      kind: 'financing.withdrawn',
      title: { zh: `融资需求 ${r.code} 已撤回`, en: `Financing request ${r.code} withdrawn` },
      body: { zh: `${r.enterpriseName} 撤回了该融资需求。`, en: `${r.enterpriseName} withdrew the request.` },
      link: link(r),
    },
  };
}
