import { describe, expect, it } from 'vitest';
import { composeMail, nextAttemptAfter, RETRY_DELAYS_MS } from './mail.js';

const message = {
  title: { zh: '报表即将到期', en: 'Report due soon' },
  body: { zh: '请填报', en: 'Please report' },
  link: '/reporting/forms',
};

describe('composeMail', () => {
  it('writes in the recipient language with an absolute link', () => {
    const zh = composeMail(message, 'zh-CN', 'https://suilian.example.gov.cn/');
    expect(zh.subject).toBe('[穗联] 报表即将到期');
    expect(zh.text).toContain('请填报');
    expect(zh.text).toContain('https://suilian.example.gov.cn/reporting/forms');
    const en = composeMail(message, 'en-US', undefined);
    expect(en.subject).toBe('[Suilian] Report due soon');
    expect(en.text).toContain('Open in Suilian: /reporting/forms');
  });
  it('leaves the link out when there is none', () => {
    expect(composeMail({ ...message, link: null }, 'zh-CN', undefined).text).not.toContain('查看');
  });
});

describe('nextAttemptAfter', () => {
  const now = new Date('2026-09-01T00:00:00Z');
  it('backs off after each failed attempt', () => {
    expect(nextAttemptAfter(1, now)?.toISOString()).toBe('2026-09-01T00:01:00.000Z');
    expect(nextAttemptAfter(2, now)?.toISOString()).toBe('2026-09-01T00:05:00.000Z');
    expect(nextAttemptAfter(RETRY_DELAYS_MS.length, now)?.toISOString()).toBe('2026-09-01T06:00:00.000Z');
  });
  it('gives up after the last delay', () => {
    expect(nextAttemptAfter(RETRY_DELAYS_MS.length + 1, now)).toBeNull();
  });
});
