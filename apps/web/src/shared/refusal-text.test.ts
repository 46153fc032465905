import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { createTestI18n } from '../i18n/testing';
import { errorText, refusalText } from './errors';

let i18n: Awaited<ReturnType<typeof createTestI18n>>;
beforeAll(async () => {
  i18n = await createTestI18n();
});

const refused = (details: unknown) => new ApiError(403, 'FORBIDDEN', 'English sentence', 'req-1', details);

describe('refusal reasons worded by the console', () => {
  it('words a known reason code in the console language, never the server sentence', () => {
    const error = refused({ reason: { code: 'notification.outbox_admin_only' } });
    expect(refusalText(i18n.getFixedT('zh-CN'), error)).toBe('只有系统管理员可以立即投递邮件。');
    expect(refusalText(i18n.getFixedT('en-US'), error)).toContain('system administrators');
  });

  it('words code-valued parameters by their labels (#12 item 3)', () => {
    const error = refused({ reason: { code: 'project.transition_illegal', params: { state: 'accepted', action: 'submit' } } });
    expect(refusalText(i18n.getFixedT('zh-CN'), error)).toBe('“已验收”状态的项目不能“提交”。');
    expect(refusalText(i18n.getFixedT('en-US'), error)).toBe('A project in state "Accepted" cannot take "Submit".');
  });

  it('gives the generic sentence for an error code it does not know, never the server sentence (#12 item 3)', () => {
    const error = new ApiError(409, 'SOMETHING_NEW', 'English sentence', 'req-1', undefined);
    expect(errorText(i18n.getFixedT('zh-CN'), error)).toBe('发生未知错误。');
  });

  it('gives null for an unknown code, a malformed reason or no reason', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(refusalText(zh, refused({ reason: { code: 'nothing.known_here' } }))).toBeNull();
    expect(refusalText(zh, refused({ reason: { code: 'Not A Code' } }))).toBeNull();
    expect(refusalText(zh, refused(undefined))).toBeNull();
    expect(refusalText(zh, new Error('plain'))).toBeNull();
  });
});
