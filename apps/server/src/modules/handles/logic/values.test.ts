import { describe, expect, it } from 'vitest';
import { parseHandleBasic } from './basic-auth.js';
import { httpStatusOf } from './codes.js';
import { canAdminRead, canPublicRead, matchesFilter, normaliseValues, recordTtl, sameRecord, toWire } from './values.js';

const now = new Date('2026-11-26T08:00:00.123Z');

describe('handle values (RFC 3651)', () => {
  it('fills defaults: ttl 86400, permissions 1110, string data, timestamp to the second', () => {
    const { values, issues } = normaliseValues([{ index: 1, type: 'URL', data: 'https://example.cn/p/1' }], now);
    expect(issues).toEqual([]);
    expect(values[0]).toEqual({
      index: 1,
      type: 'URL',
      data: { format: 'string', value: 'https://example.cn/p/1' },
      ttl: 86400,
      timestamp: '2026-11-26T08:00:00Z',
      permissions: '1110',
    });
  });

  it('prints values in the Handle.Net JSON shape, field by field as in the manual example', () => {
    // Handle.Net Technical Manual v9 §14 / the proxy's REST-API.txt: index, type, data{format,value}, ttl, timestamp.
    const { values } = normaliseValues(
      [
        {
          index: 100,
          type: 'HS_ADMIN',
          data: { format: 'admin', value: { handle: '0.NA/88.118', index: 200, permissions: '011111111111' } },
        },
        { index: 2, type: 'EMAIL', data: { format: 'string', value: 'admin@example.cn' } },
      ],
      now,
    );
    const wire = values.map(toWire);
    expect(Object.keys(wire[0] ?? {})).toEqual(['index', 'type', 'data', 'ttl', 'timestamp']);
    expect(wire[0]).toEqual({
      index: 100,
      type: 'HS_ADMIN',
      data: { format: 'admin', value: { handle: '0.NA/88.118', index: 200, permissions: '011111111111' } },
      ttl: 86400,
      timestamp: '2026-11-26T08:00:00Z',
    });
    expect(wire[1]?.data).toEqual({ format: 'string', value: 'admin@example.cn' });
  });

  it('shows permissions only when they differ from 1110', () => {
    const { values } = normaliseValues([{ index: 3, type: 'SECRET', data: 'x', permissions: '1100' }], now);
    expect(toWire(values[0] as never).permissions).toBe('1100');
  });

  it('reads the four permission bits', () => {
    expect(canPublicRead('1110')).toBe(true);
    expect(canPublicRead('1100')).toBe(false);
    expect(canAdminRead('0010')).toBe(false);
    expect(canAdminRead('1000')).toBe(true);
  });

  it('refuses duplicate indexes and admin data on other types', () => {
    const { issues } = normaliseValues(
      [
        { index: 1, type: 'URL', data: 'a' },
        { index: 1, type: 'URL', data: 'b' },
        { index: 5, type: 'URL', data: { format: 'admin', value: { handle: '0.NA/1', index: 200, permissions: '011111111111' } } },
      ],
      now,
    );
    expect(issues.map((i) => i.rule)).toEqual(['duplicate_index', 'admin_format']);
    expect(issues[0]?.field).toBe('values[1].index');
  });

  it('keeps the timestamp of an unchanged value and lower-cases hex', () => {
    const first = normaliseValues([{ index: 1, type: 'URL', data: 'a' }], now).values;
    const later = new Date('2026-12-01T00:00:00Z');
    const again = normaliseValues(
      [
        { index: 1, type: 'URL', data: 'a' },
        { index: 7, type: 'BIN', data: { format: 'hex', value: 'AB0F' } },
      ],
      later,
      first,
    );
    expect(again.values[0]?.timestamp).toBe('2026-11-26T08:00:00Z');
    expect(again.values[1]?.data).toEqual({ format: 'hex', value: 'ab0f' });
    expect(sameRecord(first, again.values.slice(0, 1))).toBe(true);
  });

  it('filters by index or type; a type ending in "." takes its subtypes', () => {
    const v = (index: number, type: string) => ({ index, type });
    expect(matchesFilter(v(1, 'URL'), [], [])).toBe(true);
    expect(matchesFilter(v(1, 'URL'), [2], [])).toBe(false);
    expect(matchesFilter(v(1, 'URL'), [2], ['url'])).toBe(true);
    expect(matchesFilter(v(3, 'URL.mobile'), [], ['URL.'])).toBe(true);
    expect(matchesFilter(v(1, 'URL'), [], ['URL.'])).toBe(true);
    expect(matchesFilter(v(1, 'URLX'), [], ['URL.'])).toBe(false);
    expect(matchesFilter(v(3, 'URL.mobile'), [], ['URL'])).toBe(false);
  });

  it('caches a record for its smallest TTL', () => {
    const { values } = normaliseValues(
      [
        { index: 1, type: 'URL', data: 'a', ttl: 60 },
        { index: 2, type: 'X', data: 'b' },
      ],
      now,
    );
    expect(recordTtl(values)).toBe(60);
  });
});

describe('Handle.Net response codes → HTTP', () => {
  it('follows the manual', () => {
    expect(httpStatusOf(1)).toBe(200);
    expect(httpStatusOf(2)).toBe(500);
    expect(httpStatusOf(100)).toBe(404);
    expect(httpStatusOf(101)).toBe(409);
    expect(httpStatusOf(102)).toBe(400);
    expect(httpStatusOf(200, 'resolve')).toBe(200);
    expect(httpStatusOf(200, 'write')).toBe(400);
    expect(httpStatusOf(202)).toBe(400);
    expect(httpStatusOf(301)).toBe(400);
    expect(httpStatusOf(402)).toBe(401);
    expect(httpStatusOf(401)).toBe(403);
  });
});

describe('Handle Basic identity', () => {
  it('reads 300%3APREFIX/USER:secret', () => {
    const header = `Basic ${Buffer.from('300%3A88.118.8/erp-sync:slt_abc').toString('base64')}`;
    expect(parseHandleBasic(header)).toEqual({
      index: 300,
      adminHandle: '88.118.8/erp-sync',
      prefix: '88.118.8',
      user: 'erp-sync',
      secret: 'slt_abc',
    });
    expect(parseHandleBasic(`Basic ${Buffer.from('erp-sync:slt_abc').toString('base64')}`)).toBeNull();
    expect(parseHandleBasic('Bearer x')).toBeNull();
  });
});
