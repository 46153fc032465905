import { describe, expect, it } from 'vitest';
import { redirectableUrl } from './redirect.js';

describe('?redirect targets (#11 item 7)', () => {
  it('takes absolute http and https URLs, normalised', () => {
    expect(redirectableUrl('https://example.cn/p/JXDY2106023')).toBe('https://example.cn/p/JXDY2106023');
    expect(redirectableUrl('HTTP://Example.cn')).toBe('http://example.cn/');
    expect(redirectableUrl('https://example.cn/a b')).toBe('https://example.cn/a%20b');
  });

  it('refuses every other scheme and anything that is not an absolute URL', () => {
    for (const value of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://example.cn/x',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/relative/path',
      'https://',
      'not a url',
    ])
      expect(redirectableUrl(value), value).toBeNull();
  });

  it('leaves no line break for a header to carry', () => {
    const url = redirectableUrl('https://example.cn/x\r\nSet-Cookie: a=b');
    expect(url).not.toBeNull();
    expect(url).not.toMatch(/[\r\n]/);
  });
});
