import { describe, expect, it } from 'vitest';
import { type FormStep, formStepNotices, periodName } from './form.notifications.js';

const base: FormStep = {
  dataSet: { code: 'DISTRICT_MONTHLY', nameZh: '区级月度报表', nameEn: 'District monthly report' },
  period: '202608',
  district: { id: 'd-hp', name: '黄埔区' },
  action: 'complete',
  to: 'completed',
  comment: null,
  actor: { name: '王五', role: 'district_officer' },
  date: '2026-09-03',
};
const step = (over: Partial<FormStep>): FormStep => ({ ...base, ...over });

describe('formStepNotices (#12 item 2)', () => {
  it('asks the district’s approvers to approve a submitted form', () => {
    const [n, ...rest] = formStepNotices(base);
    expect(rest).toEqual([]);
    expect(n?.recipients).toEqual([{ role: 'district_officer', districtId: 'd-hp' }]);
    expect(n?.message).toMatchObject({
      kind: 'reporting.to_approve',
      title: { zh: '报表待审批：黄埔区2026年8月区级月度报表', en: 'Report to approve: District monthly report for 2026-08 (黄埔区)' },
      link: '/indicators/reporting?period=202608&district=d-hp',
    });
    expect(n?.message.body.zh).toContain('当前状态：已提交');
  });

  it('hands an approved form to the city and tells the district', () => {
    const notices = formStepNotices(step({ action: 'approve', to: 'approved' }));
    expect(notices.map((n) => [n.message.kind, n.recipients])).toEqual([
      ['reporting.to_accept', [{ role: 'city_admin' }]],
      ['reporting.approved', [{ role: 'district_officer', districtId: 'd-hp' }]],
    ]);
  });

  it('sends the reason with a form sent back', () => {
    const [n] = formStepNotices(
      step({ action: 'unaccept', to: 'approved', comment: '请复核', actor: { name: '张三', role: 'city_admin' } }),
    );
    expect(n?.message.kind).toBe('reporting.returned');
    expect(n?.message.body.zh).toContain('意见（张三，2026-09-03）：请复核');
    expect(n?.message.body.zh).toContain('当前状态：区级已审批');
  });

  it('tells no one when a district reopens its own submission, the district when the city does', () => {
    expect(formStepNotices(step({ action: 'uncomplete', to: 'open' }))).toEqual([]);
    expect(formStepNotices(step({ action: 'uncomplete', to: 'open', actor: { name: '张三', role: 'city_admin' } }))).toHaveLength(1);
  });

  it('names periods as the console does', () => {
    expect(periodName('2026Q3')).toEqual({ zh: '2026年第3季度', en: 'Q3 2026' });
    expect(periodName('2026')).toEqual({ zh: '2026年', en: '2026' });
  });
});
