import { describe, expect, it } from 'vitest';
import { checkValue, moveForm } from './form-workflow.js';

describe('form workflow', () => {
  it('goes open → completed → approved → accepted with the right roles', () => {
    expect(moveForm('open', 'complete', 'district_officer', undefined)).toEqual({ ok: true, to: 'completed' });
    expect(moveForm('completed', 'approve', 'district_officer', undefined)).toEqual({ ok: true, to: 'approved' });
    expect(moveForm('approved', 'accept', 'city_admin', undefined)).toEqual({ ok: true, to: 'accepted' });
    expect(moveForm('approved', 'accept', 'district_officer', undefined)).toMatchObject({ ok: false, rule: 'role' });
    expect(moveForm('open', 'accept', 'city_admin', undefined)).toMatchObject({ ok: false, rule: 'illegal' });
  });

  it('wants a reason to unaccept or unapprove', () => {
    expect(moveForm('accepted', 'unaccept', 'city_admin', '')).toMatchObject({ ok: false, rule: 'comment' });
    expect(moveForm('accepted', 'unaccept', 'city_admin', '数据有误')).toEqual({ ok: true, to: 'approved' });
    expect(moveForm('approved', 'unapprove', 'district_officer', undefined)).toMatchObject({ ok: false, rule: 'comment' });
  });
});

describe('value types', () => {
  it('checks and normalises values', () => {
    expect(checkValue('integer', ' 0120 ')).toEqual({ ok: true, value: '120' });
    expect(checkValue('integer', '-3')).toMatchObject({ ok: false, rule: 'integer' });
    expect(checkValue('integer', '1.5')).toMatchObject({ ok: false });
    expect(checkValue('percentage', '99.5')).toEqual({ ok: true, value: '99.5' });
    expect(checkValue('percentage', '101')).toMatchObject({ ok: false, rule: 'percentage' });
    expect(checkValue('number', 'abc')).toMatchObject({ ok: false, rule: 'number' });
  });
});
