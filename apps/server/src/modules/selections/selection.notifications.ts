import type { RoundAction, RoundStage } from '@suilian/contracts';
import { type BilingualText, clip, type NotificationMessage, type Recipient } from '../notifications/index.js';

/**
 * Who hears about a selection round's steps and what they read (issue #12 item 2). Pure: the round
 * and review services hand each notice to notify() in the step's transaction.
 */

/** The console's names of the stages (i18n parts/selections.ts roundStages). */
export const ROUND_STAGE_NAMES: Readonly<Record<RoundStage, BilingualText>> = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '征集中', en: 'Open for applications' },
  district_review: { zh: '区级推荐', en: 'District recommendation' },
  expert_review: { zh: '专家评审', en: 'Expert review' },
  closed: { zh: '评审结束', en: 'Review closed' },
  publicity: { zh: '公示中', en: 'Public notice' },
  published: { zh: '已发布', en: 'Published' },
};

export interface SelectionNotice {
  recipients: Recipient[];
  message: NotificationMessage;
}

export const roundLink = (roundId: string) => `/programme/selections/${roundId}`;
export const applicationLink = (roundId: string, applicationId: string) => `/programme/selections/${roundId}/applications/${applicationId}`;

/**
 * The experts just assigned to an application. The text names the round only, never the
 * applicant: a blind round must not give the name away in an e-mail.
 */
export function expertAssignedNotice(input: {
  round: { id: string; title: string; stage: RoundStage };
  applicationId: string;
  expertIds: readonly string[];
}): SelectionNotice | null {
  if (input.expertIds.length === 0) return null;
  const { round } = input;
  const when =
    round.stage === 'expert_review'
      ? { zh: '专家评审已开始，请及时评分。', en: 'The expert review is open; please score it.' }
      : { zh: '专家评审开始后即可评分，届时将另行通知。', en: 'You can score it once the expert review opens; you will be told.' };
  return {
    recipients: input.expertIds.map((userId) => ({ userId })),
    message: {
      kind: 'selection.assigned',
      title: { zh: `评审任务：${clip(round.title)}`, en: `Review assignment: ${clip(round.title)}` },
      body: {
        zh: `您被指派评审遴选「${round.title}」中的一份申报。${when.zh}`,
        en: `You were assigned to review an application in the selection round "${round.title}". ${when.en}`,
      },
      link: applicationLink(round.id, input.applicationId),
    },
  };
}

/** A round's application as its stage notices need it. */
export interface RoundApplicant {
  enterpriseId: string;
  districtId: string;
  status: 'submitted' | 'recommended' | 'not_recommended' | 'withdrawn';
}

/**
 * The people a round's new stage concerns: the districts when the call opens and when they must
 * recommend; the assigned experts when the review opens; the applicants and their districts as the
 * review, publicity and publication reach them. Only the districts with applicants hear of later stages.
 */
export function roundStageNotices(input: {
  round: { id: string; title: string; deadline: string; publicityEnd: string | null };
  action: RoundAction;
  to: RoundStage;
  applications: readonly RoundApplicant[];
  expertIds: readonly string[];
}): SelectionNotice[] {
  const { round } = input;
  const active = input.applications.filter((a) => a.status !== 'withdrawn');
  const applicants: Recipient[] = [...new Set(active.map((a) => a.enterpriseId))].map((orgId) => ({ role: 'enterprise_user', orgId }));
  const districtsOf = (apps: readonly RoundApplicant[]): Recipient[] =>
    [...new Set(apps.map((a) => a.districtId))].map((districtId) => ({ role: 'district_officer', districtId }));
  const stage = ROUND_STAGE_NAMES[input.to];
  const name = clip(round.title);
  const notice = (recipients: Recipient[], title: BilingualText, body: BilingualText): SelectionNotice[] =>
    recipients.length === 0
      ? []
      : [
          {
            recipients,
            message: {
              kind: 'selection.stage',
              title,
              body: { zh: `${body.zh}当前阶段：${stage.zh}。`, en: `${body.en} Stage: ${stage.en}.` },
              link: roundLink(round.id),
            },
          },
        ];

  switch (input.action) {
    case 'open':
      return notice(
        [{ role: 'district_officer' }],
        { zh: `遴选开始征集：${name}`, en: `Selection round open: ${name}` },
        {
          zh: `遴选「${round.title}」已开始征集，申报截止时间 ${round.deadline.slice(0, 10)}，请组织辖区企业申报。`,
          en: `The selection round "${round.title}" is open for applications until ${round.deadline.slice(0, 10)}; please encourage the enterprises of your district to apply.`,
        },
      );
    case 'close_applications':
      return notice(
        districtsOf(active),
        { zh: `遴选待区级推荐：${name}`, en: `Selection round awaits district recommendation: ${name}` },
        {
          zh: `遴选「${round.title}」申报已截止，请对辖区企业的申报给出推荐意见。`,
          en: `Applications to "${round.title}" are closed; please recommend (or not) the applications from your district.`,
        },
      );
    case 'start_review':
      return [
        ...notice(
          input.expertIds.map((userId) => ({ userId })),
          { zh: `专家评审已开始：${name}`, en: `Expert review open: ${name}` },
          {
            zh: `遴选「${round.title}」已进入专家评审，请对指派给您的申报评分。`,
            en: `The selection round "${round.title}" is in expert review; please score the applications assigned to you.`,
          },
        ),
        ...notice(
          [...new Set(active.filter((a) => a.status === 'recommended').map((a) => a.enterpriseId))].map((orgId) => ({
            role: 'enterprise_user' as const,
            orgId,
          })),
          { zh: `申报进入专家评审：${name}`, en: `Application in expert review: ${name}` },
          {
            zh: `您在遴选「${round.title}」中的申报已获区级推荐，进入专家评审。`,
            en: `Your application to "${round.title}" was recommended by the district and is now in expert review.`,
          },
        ),
      ];
    case 'close_review':
      return notice(
        districtsOf(active),
        { zh: `遴选专家评审结束：${name}`, en: `Expert review closed: ${name}` },
        {
          zh: `遴选「${round.title}」专家评审已结束，结果将在公示后发布。`,
          en: `The expert review of "${round.title}" is closed; the results follow the public notice.`,
        },
      );
    case 'start_publicity':
      return notice(
        [...applicants, ...districtsOf(active)],
        { zh: `遴选结果公示：${name}`, en: `Selection results on public notice: ${name}` },
        {
          zh: `遴选「${round.title}」结果进入公示，公示期至 ${round.publicityEnd ?? ''}。如有异议，请在公示期内提出。`,
          en: `The results of "${round.title}" are on public notice until ${round.publicityEnd ?? ''}. Objections may be raised within that period.`,
        },
      );
    case 'publish':
      return notice(
        [...applicants, ...districtsOf(active)],
        { zh: `遴选结果已发布：${name}`, en: `Selection results published: ${name}` },
        {
          zh: `遴选「${round.title}」结果已正式发布，请在平台查看。`,
          en: `The results of "${round.title}" are published; see them on the platform.`,
        },
      );
  }
}
