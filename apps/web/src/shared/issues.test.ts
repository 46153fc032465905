import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import enUS from '../i18n/en-US';
import zhCN from '../i18n/zh-CN';
import { issueField, issueLines, issueMessage } from './issues';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
});

describe('API field issues', () => {
  it('keep the reason the server sent, so a formula problem is worded from it (#12 item 3)', () => {
    const error = new ApiError(422, 'VALIDATION_FAILED', 'left: at 15: …', 'req-1', {
      issues: [
        {
          field: 'left',
          rule: 'syntax',
          message: 'at 15: expected a value',
          reason: { code: 'formula.unexpected_end', params: { position: 16 } },
        },
      ],
    });
    const [issue] = error.issues;
    if (!issue) throw new Error('the issue was dropped');
    expect(issue.reason).toEqual({ code: 'formula.unexpected_end', params: { position: 16 } });
    expect(issueMessage(i18n.getFixedT('zh-CN'), issue)).toBe('第 16 个字符处：公式不完整，此处还缺少内容。');
  });

  it('map request paths to form fields', () => {
    expect(issueField('body.username')).toBe('username');
    expect(issueField('orgId')).toBe('orgId');
    expect(issueField('querystring.page')).toBe('page');
    expect(issueField('body')).toBeNull();
  });

  it('localise the rule ids the server uses', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(issueMessage(t, { field: 'newPassword', rule: 'classes', message: 'x' })).toBe(zhCN.rules.password.classes);
    expect(issueMessage(t, { field: 'newPassword', rule: 'common', message: 'x' })).toBe(zhCN.rules.password.common);
    expect(issueMessage(t, { field: 'newPassword', rule: 'changed', message: 'x' })).toBe(zhCN.rules.passwordSame);
    expect(issueMessage(t, { field: 'currentPassword', rule: 'matches', message: 'x' })).toBe(zhCN.issue.currentPasswordWrong);
    expect(issueMessage(t, { field: 'username', rule: 'unique', message: 'x' })).toBe(zhCN.issue.unique);
    expect(issueMessage(t, { field: 'body.creditCode', rule: 'custom', message: 'x' })).toBe(zhCN.issue.creditCode);
    expect(issueMessage(t, { field: 'orgId', rule: 'role_org_kind', message: 'x' })).toBe(zhCN.errors.ROLE_ORG_MISMATCH);
    // Rules without a special case are worded from the issueRules catalogue, never the server's English (#12 item 3).
    expect(issueMessage(t, { field: 'name', rule: 'too_big', message: 'at most 128' })).toBe(zhCN.issueRules.too_big);
    expect(issueMessage(t, { field: 'name', rule: 'no_such_rule', message: 'English' })).toBe(zhCN.issueRules.generic);
    // A reason with numbers wins over the rule's sentence.
    expect(
      issueMessage(t, { field: 'name', rule: 'too_big', message: 'x', reason: { code: 'field.max_length', params: { max: 128 } } }),
    ).toBe('最多 128 个字符。');
  });

  it('name the field in each line and no rule id (#12 item 3)', () => {
    const t = i18n.getFixedT('en-US');
    expect(issueLines(t, [{ field: 'body.divisionCode', rule: 'invalid_format', message: 'x' }])).toEqual([
      `Division code: ${enUS.rules.divisionCode}`,
    ]);
  });
});
