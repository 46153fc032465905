import { describe, expect, it } from 'vitest';
import { inputOf, rowOf } from './valueRows';

describe('value editor rows', () => {
  it('round-trips string, hex and HS_ADMIN values (admin data as JSON text)', () => {
    const admin = {
      index: 100,
      type: 'HS_ADMIN',
      data: { format: 'admin', value: { handle: '0.NA/88.118.8', index: 200, permissions: '011111110011' } },
      ttl: 86400,
      permissions: '1110',
    };
    const row = rowOf(admin);
    expect(row).toMatchObject({ format: 'admin', data: '{"handle":"0.NA/88.118.8","index":200,"permissions":"011111110011"}' });
    expect(inputOf(row)).toEqual({ index: 100, type: 'HS_ADMIN', data: admin.data, ttl: 86400, permissions: '1110' });

    const serial = { index: 3, type: 'SERIAL', data: { format: 'string', value: 'SN-1' }, ttl: 3600, permissions: '1100' };
    expect(inputOf(rowOf(serial))).toEqual(serial);
    const hex = { index: 4, type: 'BIN', data: { format: 'hex', value: '0aff' }, ttl: 0, permissions: '1110' };
    expect(inputOf(rowOf(hex))).toEqual(hex);
  });

  it('treats an unknown format as a string and refuses admin text that is not JSON', () => {
    expect(rowOf({ index: 5, type: 'X', data: { format: 'other', value: 'v' }, ttl: 1, permissions: '1110' }).format).toBe('string');
    expect(() => inputOf({ index: 100, type: 'HS_ADMIN', format: 'admin', data: '{broken', ttl: 1, permissions: '1110' })).toThrow();
  });
});
