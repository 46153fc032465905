import { describe, expect, it } from 'vitest';
import { type ProjectStep, projectStepNotices } from './project.notifications.js';

const base: ProjectStep = {
  project: { id: 'p1', code: 'XM-2026-0007', title: '5G机器视觉质检', enterpriseId: 'e1', districtId: 'd-hp' },
  enterpriseName: '黄埔智造有限公司',
  districtName: '黄埔区',
  action: 'submit',
  from: 'draft',
  to: 'submitted',
  comment: null,
  actor: { name: '李四', role: 'enterprise_user' },
  date: '2026-09-01',
};
const step = (over: Partial<ProjectStep>): ProjectStep => ({ ...base, ...over });

describe('projectStepNotices (#12 item 2)', () => {
  it('sends a submitted project to its own district only', () => {
    const [notice, ...rest] = projectStepNotices(base);
    expect(rest).toEqual([]);
    expect(notice?.recipients).toEqual([{ role: 'district_officer', districtId: 'd-hp' }]);
    expect(notice?.message).toMatchObject({
      kind: 'project.to_review',
      title: { zh: '项目待区级初审：5G机器视觉质检' },
      link: '/programme/projects/p1',
    });
    expect(notice?.message.body.zh).toContain('黄埔智造有限公司提交了项目「5G机器视觉质检」（XM-2026-0007）');
    expect(notice?.message.body.zh).toContain('当前状态：已申报');
    expect(notice?.message.body.en).toContain('Current state: Submitted');
  });

  it('says a resubmission is one', () => {
    expect(projectStepNotices(step({ from: 'returned' }))[0]?.message.body.zh).toContain('修改后重新提交了');
  });

  it('tells the enterprise why it was returned, with reviewer and date', () => {
    const notices = projectStepNotices(
      step({
        action: 'return',
        from: 'submitted',
        to: 'returned',
        comment: '请补充网络拓扑图',
        actor: { name: '王五', role: 'district_officer' },
      }),
    );
    expect(notices).toHaveLength(1);
    const [n] = notices;
    expect(n?.recipients).toEqual([{ role: 'enterprise_user', orgId: 'e1' }]);
    expect(n?.message.kind).toBe('project.returned');
    expect(n?.message.body.zh).toContain('被黄埔区（王五）退回修改');
    expect(n?.message.body.zh).toContain('退回意见（王五，2026-09-01）：请补充网络拓扑图');
    expect(n?.message.body.en).toContain('Reason for return (王五, 2026-09-01): 请补充网络拓扑图');
  });

  it('also tells the district when the city returns what it forwarded', () => {
    const notices = projectStepNotices(
      step({ action: 'return', from: 'city_review', to: 'returned', comment: '投资额有误', actor: { name: '张三', role: 'city_admin' } }),
    );
    expect(notices.map((n) => n.recipients)).toEqual([
      [{ role: 'enterprise_user', orgId: 'e1' }],
      [{ role: 'district_officer', districtId: 'd-hp' }],
    ]);
    expect(notices[0]?.message.body.zh).toContain('被市级（张三）退回修改');
  });

  it('hands a forwarded project to the city and tells the enterprise', () => {
    const notices = projectStepNotices(
      step({ action: 'forward', from: 'submitted', to: 'city_review', actor: { name: '王五', role: 'district_officer' } }),
    );
    expect(notices.map((n) => [n.message.kind, n.recipients])).toEqual([
      ['project.to_review', [{ role: 'city_admin' }]],
      ['project.progress', [{ role: 'enterprise_user', orgId: 'e1' }]],
    ]);
    expect(notices[1]?.message.title.zh).toBe('项目已通过区级初审：5G机器视觉质检');
  });

  it('carries the reason of a rejection to the enterprise and the district', () => {
    const [n] = projectStepNotices(
      step({
        action: 'reject',
        from: 'city_review',
        to: 'rejected',
        comment: '不符合申报条件',
        actor: { name: '张三', role: 'city_admin' },
      }),
    );
    expect(n?.recipients).toEqual([
      { role: 'enterprise_user', orgId: 'e1' },
      { role: 'district_officer', districtId: 'd-hp' },
    ]);
    expect(n?.message.body.zh).toContain('不予通过理由（张三，2026-09-01）：不符合申报条件');
    expect(n?.message.body.zh).toContain('当前状态：不予通过');
  });

  it('asks the city to accept a built project', () => {
    const notices = projectStepNotices(step({ action: 'complete', from: 'under_construction', to: 'built' }));
    expect(notices[0]).toMatchObject({ recipients: [{ role: 'city_admin' }], message: { kind: 'project.to_review' } });
  });

  it('keeps a cancelled draft between the enterprise and itself', () => {
    expect(projectStepNotices(step({ action: 'cancel', from: 'draft', to: 'cancelled' }))[0]?.recipients).toEqual([
      { role: 'enterprise_user', orgId: 'e1' },
    ]);
  });

  it('shortens a long name in the title but keeps it whole in the body', () => {
    const title = '智'.repeat(200);
    const [n] = projectStepNotices(step({ project: { ...base.project, title } }));
    expect([...(n?.message.title.zh ?? '')].length).toBeLessThanOrEqual(200);
    expect(n?.message.body.zh).toContain(title);
  });
});
