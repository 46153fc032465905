import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractCsafAffected } from './csaf-extract.js';
import { grade, scoreDisagrees, scoreVector, severityOf } from './scoring.js';

const FIXTURES = new URL('../../../../reference/csaf/', import.meta.url);

describe('scoreVector', () => {
  it('computes CVSS 3.1 base scores (hand-checked against the specification calculator)', () => {
    expect(scoreVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toEqual({
      ok: true,
      version: '3.1',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      baseScore: 9.8,
      overallScore: 9.8,
      severity: 'critical',
    });
    expect(scoreVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H')).toMatchObject({ baseScore: 10, severity: 'critical' });
    expect(scoreVector('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H')).toMatchObject({ baseScore: 8.8, severity: 'high' });
    expect(scoreVector('CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L')).toMatchObject({ baseScore: 2.9, severity: 'low' });
    expect(scoreVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')).toMatchObject({ baseScore: 0, severity: 'none' });
  });

  it('keeps the base score apart from the temporal score of a 3.1 vector', () => {
    // ICSA-23-348-10 states 9.1 for this vector; with E:P/RL:O/RC:C the temporal score is 8.2.
    expect(scoreVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H/E:P/RL:O/RC:C')).toMatchObject({ baseScore: 9.1, overallScore: 8.2 });
  });

  it('computes CVSS 3.0 and 2.0', () => {
    expect(scoreVector('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toMatchObject({ version: '3.0', baseScore: 9.8 });
    expect(scoreVector('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toMatchObject({ version: '2.0', baseScore: 7.5, severity: 'high' });
  });

  it('computes CVSS 4.0 base scores (CVSS-B; values from the FIRST calculator)', () => {
    const four = (v: string) => scoreVector(`CVSS:4.0/${v}`);
    expect(four('AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toMatchObject({
      version: '4.0',
      baseScore: 9.3,
      severity: 'critical',
    });
    expect(four('AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H')).toMatchObject({ baseScore: 10 });
    expect(four('AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toMatchObject({ baseScore: 8.7, severity: 'high' });
    expect(four('AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N')).toMatchObject({ baseScore: 8.7 });
    expect(four('AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toMatchObject({ baseScore: 8.5 });
    expect(four('AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N')).toMatchObject({ baseScore: 5.1, severity: 'medium' });
  });

  it('a CVSS 4.0 threat metric lowers the vector score, not the base score', () => {
    const r = scoreVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U');
    expect(r).toMatchObject({ ok: true, baseScore: 9.3 });
    expect(r.ok && r.overallScore).toBeLessThan(9.3);
  });

  it('reproduces every score stated in the ten fixtures (116 distinct vectors, CVSS 3.0 and 3.1)', () => {
    const seen = new Map<string, number | undefined>();
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))) {
      for (const s of extractCsafAffected(JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'))).scores)
        seen.set(s.vector, s.baseScore);
    }
    expect(seen.size).toBe(116);
    for (const [vector, stated] of seen) {
      const r = scoreVector(vector);
      expect(r.ok, vector).toBe(true);
      expect(r.ok && r.baseScore, vector).toBe(stated);
    }
  });

  it('gives a clear error instead of throwing', () => {
    expect(scoreVector('')).toEqual({ ok: false, vector: '', error: 'empty CVSS vector' });
    expect(scoreVector('CVSS:3.1/AV:N/AC:L')).toMatchObject({
      ok: false,
      error: 'CVSS 3.1 vector lacks base metric(s) PR, UI, S, C, I, A',
    });
    expect(scoreVector('CVSS:3.1/AV:Q/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H')).toMatchObject({ ok: false, error: expect.stringContaining('Q') });
    expect(scoreVector('CVSS:3.1/AV:N/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H')).toMatchObject({
      ok: false,
      error: 'CVSS metric AV appears twice',
    });
    expect(scoreVector('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H/XX:Y')).toMatchObject({ ok: false });
    expect(scoreVector('CVSS:9.9/AV:N')).toMatchObject({ ok: false, error: expect.stringContaining('not a CVSS vector') });
    expect(scoreVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N')).toMatchObject({
      ok: false,
      error: expect.stringContaining('SA'),
    });
    expect(scoreVector(null as unknown as string)).toMatchObject({ ok: false });
    expect(scoreVector(`CVSS:3.1/${'AV:N/'.repeat(100)}`)).toMatchObject({ ok: false, error: expect.stringContaining('longer') });
  });
});

describe('grade', () => {
  it('超危 ≥ 9.0, 高危 7.0–8.9, 中危 4.0–6.9, 低危 < 4.0', () => {
    expect([10, 9.0, 8.9, 7.0, 6.9, 4.0, 3.9, 0].map(grade)).toEqual([
      'critical',
      'critical',
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
    ]);
  });

  it('severity bands follow the CVSS specification', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map((s) => severityOf(s))).toEqual([
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
    expect(severityOf(9.5, '2.0')).toBe('high');
  });
});

describe('scoreDisagrees', () => {
  it('flags a stated score that differs from the recomputed one', () => {
    expect(scoreDisagrees(9.8, 9.8)).toBe(false);
    expect(scoreDisagrees(9.0, 9.8)).toBe(true);
    expect(scoreDisagrees(7.5, 7.6)).toBe(true);
    expect(scoreDisagrees(undefined, 9.8)).toBe(false);
    expect(scoreDisagrees(null, 9.8)).toBe(false);
    expect(scoreDisagrees(7.5, 7.6, 0.1)).toBe(false);
  });
});
