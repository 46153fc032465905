import { describe, expect, it } from 'vitest';
import { asciiUpper, decodePathPart, derivePrefix, isSyntaxProblem, parentOf, parseHandle } from './syntax.js';

const rule = (v: unknown) => (isSyntaxProblem(v) ? v.rule : 'ok');

describe('handle syntax (RFC 3650)', () => {
  it('splits at the first slash only', () => {
    const parsed = parseHandle('88.118.8/JXDY/2106/023');
    expect(parsed).toMatchObject({ prefix: '88.118.8', suffix: 'JXDY/2106/023' });
  });

  it('refuses a handle without slash, an empty prefix or suffix, and malformed prefixes', () => {
    expect(rule(parseHandle('88.118.8'))).toBe('missing_slash');
    expect(rule(parseHandle('/ABC'))).toBe('empty_prefix');
    expect(rule(parseHandle('88.118.8/'))).toBe('empty_suffix');
    expect(rule(parseHandle('88..118/A'))).toBe('malformed_prefix');
    expect(rule(parseHandle('.88/A'))).toBe('malformed_prefix');
    expect(rule(parseHandle('88.118./A'))).toBe('malformed_prefix');
    expect(rule(parseHandle('88.118/A\u0007'))).toBe('control_character');
  });

  it('limits lengths in UTF-8 bytes', () => {
    expect(rule(parseHandle(`88.118/${'a'.repeat(255)}`))).toBe('ok');
    expect(rule(parseHandle(`88.118/${'a'.repeat(256)}`))).toBe('too_long');
    // 86 three-byte characters = 258 bytes
    expect(rule(parseHandle(`88.118/${'标'.repeat(86)}`))).toBe('too_long');
    expect(rule(parseHandle(`${'8.'.repeat(64)}8/A`))).toBe('too_long');
  });

  it('folds ASCII case only', () => {
    expect(parseHandle('88.118.8/jxdy2106023')).toMatchObject({ key: '88.118.8/JXDY2106023' });
    expect(asciiUpper('éa标ß')).toBe('éA标ß');
    const a = parseHandle('88.118/é');
    const b = parseHandle('88.118/É');
    expect(!isSyntaxProblem(a) && !isSyntaxProblem(b) && a.key !== b.key).toBe(true);
  });

  it('decodes percent-escapes strictly as UTF-8', () => {
    expect(decodePathPart('88.118.8%2FA%20B')).toBe('88.118.8/A B');
    expect(decodePathPart('88.118/%E6%A0%87')).toBe('88.118/标');
    expect(rule(decodePathPart('88.118/%FF'))).toBe('invalid_utf8');
    expect(rule(decodePathPart('88.118/%C0%AF'))).toBe('invalid_utf8');
    expect(rule(decodePathPart('88.118/%E6%A0'))).toBe('invalid_utf8');
    expect(rule(decodePathPart('88.118/%G1'))).toBe('invalid_utf8');
    expect(rule(parseHandle('88.118/\ud800'))).toBe('invalid_utf8');
  });

  it('derives prefixes as parent.segment', () => {
    expect(derivePrefix('88.118', '8')).toBe('88.118.8');
    expect(rule(derivePrefix('88.118', '8.1'))).toBe('malformed_prefix');
    expect(rule(derivePrefix('88.118', 'a/b'))).toBe('malformed_prefix');
    expect(rule(derivePrefix('88.118', ''))).toBe('malformed_prefix');
    expect(parentOf('88.118.8')).toBe('88.118');
    expect(parentOf('88')).toBeNull();
  });
});

describe('GB/T 4754-2017 classes', async () => {
  const { industryDivision } = await import('./industry.js');
  it('checks the section letter against the division', () => {
    expect(industryDivision('C3831')).toBe('38');
    expect(industryDivision('I65')).toBe('65');
    expect(industryDivision('A3831')).toBeNull();
    expect(industryDivision('C9999')).toBeNull();
  });
});
