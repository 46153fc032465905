import type { SolutionAction } from '@suilian/contracts';
import { type BilingualText, clip, type NotificationMessage, type Recipient } from '../notifications/index.js';

/** The console page of a solution. */
export const solutionLink = (id: string) => `/services/solutions/${id}`;

export interface SolutionStep {
  solution: { id: string; title: string; providerId: string };
  providerName: string;
  action: SolutionAction;
  comment: string | null;
  /** Whether the step was the city's (a retirement by the city is news to the provider). */
  byCity: boolean;
}

/** Who hears of a solution's step and what they read: the next actor (issue #15 item 2). Pure. */
export function solutionStepNotices(step: SolutionStep): Array<{ recipients: Recipient[]; message: NotificationMessage }> {
  const short = clip(step.solution.title);
  const provider: Recipient = { role: 'provider_user', orgId: step.solution.providerId };
  const reason: BilingualText = step.comment ? { zh: `意见：${step.comment}`, en: ` Comment: ${step.comment}` } : { zh: '', en: '' };
  const message = (kind: string, title: BilingualText, body: BilingualText): NotificationMessage => ({
    kind,
    title,
    body: { zh: `${body.zh}${reason.zh}`, en: `${body.en}${reason.en}` },
    link: solutionLink(step.solution.id),
  });
  switch (step.action) {
    case 'submit':
      return [
        {
          recipients: [{ role: 'city_admin' }],
          message: message(
            'solution.to_review',
            { zh: `解决方案待审核：${short}`, en: `Solution awaiting review: ${short}` },
            {
              zh: `${step.providerName}提交了解决方案「${step.solution.title}」，请审核后发布或退回。`,
              en: `${step.providerName} submitted the solution "${step.solution.title}"; please publish it or return it.`,
            },
          ),
        },
      ];
    case 'publish':
      return [
        {
          recipients: [provider],
          message: message(
            'solution.published',
            { zh: `解决方案已发布：${short}`, en: `Solution published: ${short}` },
            {
              zh: `解决方案「${step.solution.title}」已通过市级审核并发布，企业需求将与其匹配。`,
              en: `The solution "${step.solution.title}" passed the city review and is published; enterprises' demands are matched to it.`,
            },
          ),
        },
      ];
    case 'return':
      return [
        {
          recipients: [provider],
          message: message(
            'solution.returned',
            { zh: `解决方案被退回修改：${short}`, en: `Solution returned for changes: ${short}` },
            {
              zh: `解决方案「${step.solution.title}」被市级退回，请修改后重新提交。`,
              en: `The solution "${step.solution.title}" was returned by the city; please revise it and submit it again.`,
            },
          ),
        },
      ];
    case 'retire':
      return step.byCity
        ? [
            {
              recipients: [provider],
              message: message(
                'solution.retired',
                { zh: `解决方案已下架：${short}`, en: `Solution retired: ${short}` },
                {
                  zh: `市级下架了解决方案「${step.solution.title}」。`,
                  en: `The city retired the solution "${step.solution.title}".`,
                },
              ),
            },
          ]
        : [];
  }
}
