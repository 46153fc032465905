import { describe, expect, it } from 'vitest';
import { expertAssignedNotice, type RoundApplicant, roundStageNotices } from './selection.notifications.js';

const round = { id: 'r1', title: '2026年5G工厂标杆遴选', deadline: '2026-04-01T00:00:00.000Z', publicityEnd: '2026-05-10' };
const applications: RoundApplicant[] = [
  { enterpriseId: 'e1', districtId: 'd-hp', status: 'recommended' },
  { enterpriseId: 'e3', districtId: 'd-hp', status: 'not_recommended' },
  { enterpriseId: 'e2', districtId: 'd-th', status: 'withdrawn' },
];

describe('selection notices (#12 item 2)', () => {
  it('tells an assigned expert where to score, without naming the applicant', () => {
    const notice = expertAssignedNotice({ round: { ...round, stage: 'district_review' }, applicationId: 'a1', expertIds: ['x1'] });
    expect(notice?.recipients).toEqual([{ userId: 'x1' }]);
    expect(notice?.message).toMatchObject({
      kind: 'selection.assigned',
      title: { zh: '评审任务：2026年5G工厂标杆遴选' },
      link: '/programme/selections/r1/applications/a1',
    });
    expect(notice?.message.body.zh).toContain('专家评审开始后即可评分');
    expect(expertAssignedNotice({ round: { ...round, stage: 'expert_review' }, applicationId: 'a1', expertIds: [] })).toBeNull();
  });

  it('asks only the districts with applicants to recommend', () => {
    const [n, ...rest] = roundStageNotices({ round, action: 'close_applications', to: 'district_review', applications, expertIds: [] });
    expect(rest).toEqual([]);
    expect(n?.recipients).toEqual([{ role: 'district_officer', districtId: 'd-hp' }]);
    expect(n?.message.body.zh).toContain('当前阶段：区级推荐');
  });

  it('opens the review to the assigned experts and the recommended applicants', () => {
    const notices = roundStageNotices({ round, action: 'start_review', to: 'expert_review', applications, expertIds: ['x1', 'x2'] });
    expect(notices.map((n) => n.recipients)).toEqual([[{ userId: 'x1' }, { userId: 'x2' }], [{ role: 'enterprise_user', orgId: 'e1' }]]);
  });

  it('announces publicity to every remaining applicant and their districts, with the end date', () => {
    const [n] = roundStageNotices({ round, action: 'start_publicity', to: 'publicity', applications, expertIds: [] });
    expect(n?.recipients).toEqual([
      { role: 'enterprise_user', orgId: 'e1' },
      { role: 'enterprise_user', orgId: 'e3' },
      { role: 'district_officer', districtId: 'd-hp' },
    ]);
    expect(n?.message.body.zh).toContain('公示期至 2026-05-10');
    expect(n?.message.link).toBe('/programme/selections/r1');
  });

  it('sends nothing when nobody is concerned', () => {
    expect(roundStageNotices({ round, action: 'publish', to: 'published', applications: [], expertIds: [] })).toEqual([]);
    expect(roundStageNotices({ round, action: 'open', to: 'open', applications: [], expertIds: [] })[0]?.recipients).toEqual([
      { role: 'district_officer' },
    ]);
  });
});
