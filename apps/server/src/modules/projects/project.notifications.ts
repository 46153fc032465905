import type { ProjectAction, ProjectState, Role } from '@suilian/contracts';
import { type BilingualText, clip, type NotificationMessage, type Recipient } from '../notifications/index.js';

/**
 * Who hears about a project's step and what they read (issue #12 item 2). Pure: the service
 * calls `projectStepNotices` after the change and hands each notice to notify() in its transaction.
 */

/** The console's names of the states (i18n parts/projects.ts projectStates), so mail and console agree. */
export const PROJECT_STATE_NAMES: Readonly<Record<ProjectState, BilingualText>> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已申报', en: 'Submitted' },
  returned: { zh: '退回修改', en: 'Returned' },
  city_review: { zh: '市级审核', en: 'City review' },
  rejected: { zh: '不予通过', en: 'Rejected' },
  approved: { zh: '审核通过', en: 'Approved' },
  under_construction: { zh: '在建', en: 'Under construction' },
  built: { zh: '建成', en: 'Built' },
  accepted: { zh: '已验收', en: 'Accepted' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

/** The project and the step, as the service knows them after the change. */
export interface ProjectStep {
  project: { id: string; code: string; title: string; enterpriseId: string; districtId: string };
  enterpriseName: string;
  districtName: string;
  action: ProjectAction;
  from: ProjectState;
  to: ProjectState;
  comment: string | null;
  actor: { name: string; role: Role };
  /** YYYY-MM-DD of the step. */
  date: string;
}

/** One message and who gets it. */
export interface ProjectNotice {
  recipients: Recipient[];
  message: NotificationMessage;
}

/** The console page of a project. */
export const projectLink = (id: string) => `/programme/projects/${id}`;

/** The notices of one project step: the enterprise hears every review outcome, the next reviewer what waits for them. */
export function projectStepNotices(step: ProjectStep): ProjectNotice[] {
  const { project } = step;
  const enterprise: Recipient = { role: 'enterprise_user', orgId: project.enterpriseId };
  // Always the project's own district: a 黄埔区 officer never hears of a 天河区 project.
  const district: Recipient = { role: 'district_officer', districtId: project.districtId };
  const city: Recipient = { role: 'city_admin' };
  const short = clip(project.title);
  const name = `「${project.title}」（${project.code}）`;
  const nameEn = `"${project.title}" (${project.code})`;
  const state = PROJECT_STATE_NAMES[step.to];
  const by = reviewerOf(step);
  const reason = commentLine(step);
  const notice = (recipients: Recipient[], kind: string, title: BilingualText, body: BilingualText): ProjectNotice => ({
    recipients,
    message: {
      kind,
      title,
      body: {
        zh: `${body.zh}当前状态：${state.zh}。${reason.zh}`,
        en: `${body.en} Current state: ${state.en}.${reason.en}`,
      },
      link: projectLink(project.id),
    },
  });

  switch (step.action) {
    case 'submit': {
      const again = step.from === 'returned';
      return [
        notice(
          [district],
          'project.to_review',
          { zh: `项目待区级初审：${short}`, en: `Project awaiting district pre-review: ${short}` },
          {
            zh: `${step.enterpriseName}${again ? '修改后重新提交了' : '提交了'}项目${name}，请进行区级初审。`,
            en: `${step.enterpriseName} ${again ? 'resubmitted' : 'submitted'} the project ${nameEn}; please carry out the district pre-review.`,
          },
        ),
      ];
    }
    case 'forward':
      return [
        notice(
          [city],
          'project.to_review',
          { zh: `项目待市级审核：${short}`, en: `Project awaiting city review: ${short}` },
          {
            zh: `${step.districtName}已完成${step.enterpriseName}项目${name}的区级初审并转报市级，请进行市级审核。`,
            en: `${step.districtName} passed the district pre-review of ${step.enterpriseName}'s project ${nameEn} and forwarded it; please carry out the city review.`,
          },
        ),
        notice(
          [enterprise],
          'project.progress',
          { zh: `项目已通过区级初审：${short}`, en: `Project passed the district pre-review: ${short}` },
          {
            zh: `项目${name}已通过${step.districtName}区级初审，已转报市级审核。`,
            en: `The project ${nameEn} passed the pre-review of ${step.districtName} and was forwarded to the city review.`,
          },
        ),
      ];
    case 'return':
      return [
        notice(
          [enterprise],
          'project.returned',
          { zh: `项目被退回修改：${short}`, en: `Project returned for changes: ${short}` },
          {
            zh: `项目${name}已被${by.zh}退回修改，请按审核意见修改后重新提交。`,
            en: `The project ${nameEn} was returned for changes by ${by.en}; please revise it as the reviewer asks and submit it again.`,
          },
        ),
        // The district forwarded it: when the city sends it back, the district follows the resubmission.
        ...(step.from === 'city_review'
          ? [
              notice(
                [district],
                'project.returned',
                { zh: `市级退回项目：${short}`, en: `City returned a project: ${short}` },
                {
                  zh: `${step.enterpriseName}的项目${name}在市级审核中被退回修改，企业修改后将重新提交区级初审。`,
                  en: `${step.enterpriseName}'s project ${nameEn} was returned in the city review; it comes back to the district pre-review once resubmitted.`,
                },
              ),
            ]
          : []),
      ];
    case 'approve':
      return [
        notice(
          [enterprise, district],
          'project.progress',
          { zh: `项目审核通过：${short}`, en: `Project approved: ${short}` },
          {
            zh: `${step.enterpriseName}的项目${name}已通过市级审核。开工后请登记开工日期。`,
            en: `${step.enterpriseName}'s project ${nameEn} passed the city review. Record the start date once construction starts.`,
          },
        ),
      ];
    case 'reject':
      return [
        notice(
          [enterprise, district],
          'project.rejected',
          { zh: `项目不予通过：${short}`, en: `Project rejected: ${short}` },
          {
            zh: `${step.enterpriseName}的项目${name}经${by.zh}审核不予通过。`,
            en: `${step.enterpriseName}'s project ${nameEn} was rejected by ${by.en}.`,
          },
        ),
      ];
    case 'start_construction':
      return [
        notice(
          [enterprise, district],
          'project.progress',
          { zh: `项目已开工：${short}`, en: `Construction started: ${short}` },
          {
            zh: `${step.enterpriseName}的项目${name}已开工（${by.zh}登记）。`,
            en: `Construction of ${step.enterpriseName}'s project ${nameEn} has started (recorded by ${by.en}).`,
          },
        ),
      ];
    case 'complete':
      return [
        notice(
          [city],
          'project.to_review',
          { zh: `项目待验收：${short}`, en: `Project awaiting acceptance: ${short}` },
          {
            zh: `${step.enterpriseName}的项目${name}已建成，上传验收报告后即可验收。`,
            en: `${step.enterpriseName}'s project ${nameEn} is built; it can be accepted once the acceptance report is attached.`,
          },
        ),
        notice(
          [enterprise, district],
          'project.progress',
          { zh: `项目已建成：${short}`, en: `Project built: ${short}` },
          {
            zh: `${step.enterpriseName}的项目${name}已建成（${by.zh}登记），等待市级验收。`,
            en: `${step.enterpriseName}'s project ${nameEn} is built (recorded by ${by.en}) and awaits the city's acceptance.`,
          },
        ),
      ];
    case 'accept':
      return [
        notice(
          [enterprise, district],
          'project.progress',
          { zh: `项目已验收：${short}`, en: `Project accepted: ${short}` },
          {
            zh: `${step.enterpriseName}的项目${name}已通过市级验收。`,
            en: `${step.enterpriseName}'s project ${nameEn} passed the city's acceptance.`,
          },
        ),
      ];
    case 'cancel':
      return [
        notice(
          // A draft was never in anyone's review: only the enterprise hears of it.
          step.from === 'draft' ? [enterprise] : step.from === 'city_review' ? [enterprise, district, city] : [enterprise, district],
          'project.cancelled',
          { zh: `项目已撤销：${short}`, en: `Project cancelled: ${short}` },
          {
            zh: `${step.enterpriseName}的项目${name}已由${by.zh}撤销。`,
            en: `${step.enterpriseName}'s project ${nameEn} was cancelled by ${by.en}.`,
          },
        ),
      ];
  }
}

/** "黄埔区 王五" / "市级 张三" / "企业 李四": who took the step, as the enterprise reads it. */
function reviewerOf(step: ProjectStep): BilingualText {
  const { role, name } = step.actor;
  if (role === 'district_officer') return { zh: `${step.districtName}（${name}）`, en: `${step.districtName} (${name})` };
  if (role === 'enterprise_user') return { zh: `企业（${name}）`, en: `the enterprise (${name})` };
  return { zh: `市级（${name}）`, en: `the city (${name})` };
}

/** The reviewer's comment with its author and date, or nothing. */
function commentLine(step: ProjectStep): BilingualText {
  if (!step.comment) return { zh: '', en: '' };
  const label = step.action === 'return' ? '退回意见' : step.action === 'reject' ? '不予通过理由' : '意见';
  const labelEn = step.action === 'return' ? 'Reason for return' : step.action === 'reject' ? 'Reason for rejection' : 'Comment';
  return {
    zh: `\n${label}（${step.actor.name}，${step.date}）：${step.comment}`,
    en: `\n${labelEn} (${step.actor.name}, ${step.date}): ${step.comment}`,
  };
}
