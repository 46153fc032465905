import { AUDIT_FINDING_CODES, type AuditFinding, type AuditVerification } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../../i18n/testing';
import { describeFinding, describeProtection } from './verification';

const finding = (over: Partial<AuditFinding>): AuditFinding => ({
  code: 'broken_link',
  seq: 7,
  lastSeq: null,
  anchorAt: null,
  keyId: null,
  message: 'server text',
  ...over,
});

/** Every variant the server sends: each code, with and without a checkpoint. */
const variants: AuditFinding[] = AUDIT_FINDING_CODES.flatMap((code) => [
  finding({ code, lastSeq: 9, keyId: 'ab12cd34ef56ab78' }),
  finding({ code, anchorAt: '2026-03-01T08:00:00Z', keyId: 'ab12cd34ef56ab78' }),
]);

describe('audit verification findings in the console', () => {
  it('word every code in both languages, with every placeholder filled', async () => {
    const i18n = await createTestI18n();
    for (const lng of ['zh-CN', 'en-US']) {
      const t = i18n.getFixedT(lng);
      for (const f of variants) {
        const { label, text } = describeFinding(t, f);
        expect(label, f.code).not.toContain('auditVerification');
        expect(text, `${lng} ${f.code}`).not.toMatch(/\{\{|auditVerification/);
      }
    }
  });

  it('say which entries, and which checkpoint, a finding is about', async () => {
    const t = (await createTestI18n()).getFixedT('zh-CN');
    expect(describeFinding(t, finding({ code: 'gap', seq: 5, lastSeq: 6 }))).toEqual({
      label: '缺号',
      text: '第 5–6 条记录缺失（序号不连续）：中间的记录被删除。',
    });
    const truncated = describeFinding(t, finding({ code: 'truncated', seq: 281, lastSeq: 285, anchorAt: '2026-03-01T08:00:00Z' }));
    expect(truncated.label).toBe('截断');
    expect(truncated.text).toMatch(/^第 281–285 条记录从日志末尾被删除：2026-03-01 \d\d:00 写在数据库外的检查点记录到了第 285 条。$/);
    expect(describeFinding(t, finding({ code: 'rechained', seq: 12, lastSeq: 40 })).text).toContain('第 12–40 条记录的哈希被重新计算');
  });

  it('tell what stands behind the verdict: the keyed chain, the keys, the latest checkpoint', async () => {
    const t = (await createTestI18n()).getFixedT('en-US');
    const result: AuditVerification = {
      ok: true,
      checked: 300,
      firstBrokenSeq: null,
      reason: null,
      findings: [],
      head: { seq: 300, hash: 'a'.repeat(64) },
      unkeyedUntil: 277,
      keys: [{ id: 'ab12cd34ef56ab78', afterSeq: 277, createdAt: '2026-03-01T00:00:00Z' }],
      anchors: { count: 0, latest: null },
    };
    expect(describeProtection(t, result)).toEqual([
      'Signed with the audit key (HMAC-SM3) from entry 278 on; the entries before form a plain SM3 chain.',
      'Keys: ab12cd34ef56ab78',
      'No checkpoint outside the database yet: entries removed from the end would go unnoticed.',
    ]);
  });
});
