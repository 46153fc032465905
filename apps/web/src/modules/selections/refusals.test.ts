import { SELECTION_REFUSALS } from '@suilian/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import enUS from '../../i18n/en-US';
import { createTestI18n } from '../../i18n/testing';
import zhCN from '../../i18n/zh-CN';
import { conflictRefusals, localiseRefusal } from './refusals';

let i18n: Awaited<ReturnType<typeof createTestI18n>>;
beforeAll(async () => {
  i18n = await createTestI18n();
});

const ROUND = {
  subjectType: 'factory' as const,
  rubric: [{ key: 'network', nameZh: '网络建设', nameEn: 'Network', weight: 1, maxScore: 10 }],
};
const conflict = (details: unknown) => new ApiError(409, 'CONFLICT', 'english', 'req-1', details);

describe('selection refusals in the console language', () => {
  it('has a sentence for every rule code in both languages', () => {
    for (const rule of SELECTION_REFUSALS) {
      expect(zhCN.selectionRules.refused[rule]).toBeTruthy();
      expect(enUS.selectionRules.refused[rule]).toBeTruthy();
    }
  });

  it('says a CONFLICT refusal from details.rule, with its values localised', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(localiseRefusal(zh, conflict({ rule: 'already_scored', expertId: 'x' })).title).toBe('该专家已提交评分，不能移除');
    expect(localiseRefusal(zh, conflict({ rule: 'not_recommended', status: 'not_recommended' })).title).toContain('区级不推荐');
    expect(localiseRefusal(zh, conflict({ rule: 'stage_order', stage: 'draft', action: 'publish' })).title).toBe(
      '当前阶段（草稿）不能执行"正式发布"',
    );
    const en = i18n.getFixedT('en-US');
    expect(localiseRefusal(en, conflict({ rule: 'objections_open', open: 2 })).title).toBe('2 objection(s) are still open');
  });

  it('says field issues with selection rules, and keeps the others for the usual lines', () => {
    const zh = i18n.getFixedT('zh-CN');
    const error = new ApiError(422, 'VALIDATION_FAILED', 'x', null, {
      issues: [
        { field: 'expertIds', rule: 'experts_per_application', message: 'x', limit: 2, assigned: 2, requested: 1 },
        { field: 'scores.network', rule: 'range', message: 'x' },
        { field: 'narrative', rule: 'too_big', message: 'too long' },
      ],
    });
    const out = localiseRefusal(zh, error, ROUND, 'zh-CN');
    expect(out.title).toBeNull();
    expect(out.lines).toEqual([
      '超出每份申报评审专家数：本轮每份申报安排 2 名专家，已分配 2 名，本次再分配 1 名将超出',
      '"网络建设"的得分为 0–10',
    ]);
    expect(out.others).toEqual([{ field: 'narrative', rule: 'too_big', message: 'too long' }]);
  });

  it('leaves unknown rules and other errors to the usual alert', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(localiseRefusal(zh, conflict({ rule: 'something_new' })).title).toBeNull();
    expect(localiseRefusal(zh, new Error('x'))).toEqual({ title: null, lines: [], others: [] });
  });
});

describe('conflict-of-interest refusals', () => {
  it('name each refused expert and the reason code the server sends', () => {
    const error = new ApiError(422, 'VALIDATION_FAILED', 'x', null, {
      issues: [
        {
          field: 'expertIds.1',
          rule: 'conflict_of_interest',
          message: '评审专家2（演示）: the expert works for the applicant',
          expertId: 'b',
          reason: 'own_enterprise',
        },
        {
          field: 'expertIds.0',
          rule: 'conflict_of_interest',
          message: 'X: the expert belongs to the applicant’s district',
          reason: 'own_district',
        },
        { field: 'expertIds.2', rule: 'conflict_of_interest', message: 'Y: a reason this console does not know', reason: 'new_rule' },
        { field: 'expertIds.3', rule: 'expert', message: 'not an active expert' },
      ],
    });
    expect(conflictRefusals(error, ['a', 'b', 'c'])).toEqual([
      {
        expertId: 'b',
        name: '评审专家2（演示）',
        reason: 'own_enterprise',
        message: '评审专家2（演示）: the expert works for the applicant',
      },
      { expertId: 'a', name: 'X', reason: 'own_district', message: 'X: the expert belongs to the applicant’s district' },
      { expertId: 'c', name: 'Y', reason: null, message: 'Y: a reason this console does not know' },
    ]);
    expect(conflictRefusals(new Error('x'), ['a'])).toEqual([]);
  });
});
