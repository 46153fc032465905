import { describe, expect, it } from 'vitest';
import {
  attributesForForm,
  attributesForSubmit,
  bitsOfFlags,
  cleanTemplateItem,
  encodeHandlePath,
  flagsOfBits,
  handleFromPathname,
  industryDivision,
  isItemRule,
  isRawValue,
  issuePath,
  knownResponseCode,
  resolverUrl,
  splitHandle,
} from './logic';

describe('handle paths (issue #6: handles contain "/")', () => {
  it('keeps "/" as a separator and escapes what a path cannot carry', () => {
    expect(encodeHandlePath('88.118.8/JXDY2106023')).toBe('88.118.8/JXDY2106023');
    expect(encodeHandlePath('88.118.8/a b/c?d#e%f')).toBe('88.118.8/a%20b/c%3Fd%23e%25f');
    expect(encodeHandlePath('88.118.8/产品-01')).toBe('88.118.8/%E4%BA%A7%E5%93%81-01');
  });

  it('reads the handle back from the rest of the resolve path, whatever it contains', () => {
    for (const handle of ['88.118.8/JXDY2106023', '88.118.8/a/b/c', '88.118.8/a b?c#d%e', '88.118.8/产品-01', '88.118.8/']) {
      const url = new URL(resolverUrl('http://node.example:8080/', handle));
      expect(url.pathname.startsWith('/resolve/')).toBe(true);
      expect(handleFromPathname(url.pathname)).toBe(handle);
    }
  });

  it('gives "" outside the resolve page, without a handle, or for broken escapes', () => {
    expect(handleFromPathname('/resolve')).toBe('');
    expect(handleFromPathname('/resolve/')).toBe('');
    expect(handleFromPathname('/resolver/88.1/x')).toBe('');
    expect(handleFromPathname('/resolve/88.1/%E4%ZZ')).toBe('');
  });

  it('splits prefix and suffix at the first "/" only (RFC 3650)', () => {
    expect(splitHandle('88.118.8/A/B')).toEqual({ prefix: '88.118.8', suffix: 'A/B' });
    expect(splitHandle('88.118.8')).toBeNull();
    expect(splitHandle('/A')).toBeNull();
  });
});

describe('permission bits ↔ check boxes (RFC 3651: admin read, admin write, public read, public write)', () => {
  it('maps 1110 to admin read/write and public read', () => {
    expect(flagsOfBits('1110')).toEqual(['adminRead', 'adminWrite', 'publicRead']);
    expect(flagsOfBits('0001')).toEqual(['publicWrite']);
    expect(flagsOfBits('0000')).toEqual([]);
  });

  it('round-trips every combination', () => {
    for (let n = 0; n < 16; n++) {
      const bits = n.toString(2).padStart(4, '0');
      expect(bitsOfFlags(flagsOfBits(bits))).toBe(bits);
    }
  });

  it('falls back to the default 1110 for malformed bits and ignores unknown flags', () => {
    expect(flagsOfBits('11')).toEqual(['adminRead', 'adminWrite', 'publicRead']);
    expect(flagsOfBits('111x')).toEqual(['adminRead', 'adminWrite', 'publicRead']);
    expect(bitsOfFlags(['publicRead', 'other'])).toBe('0010');
  });
});

describe('response codes', () => {
  it('keeps the known Handle.Net codes and treats anything else as 2 (error)', () => {
    expect(knownResponseCode(100)).toBe(100);
    expect(knownResponseCode(402)).toBe(402);
    expect(knownResponseCode(3)).toBe(3);
    expect(knownResponseCode(301)).toBe(2);
    expect(knownResponseCode('1')).toBe(2);
  });
});

describe('template attributes ↔ form values', () => {
  const items = [
    { name: 'productName', type: 'string' as const },
    { name: 'weightKg', type: 'number' as const },
    { name: 'madeOn', type: 'date' as const },
    { name: 'grade', type: 'enum' as const },
  ];

  it('sends dates as YYYY-MM-DD, numbers as numbers, trimmed strings, and leaves blanks and unknown names out', () => {
    const date = { format: (p: string) => (p === 'YYYY-MM-DD' ? '2026-11-02' : 'wrong') };
    expect(attributesForSubmit(items, { productName: ' 电机 ', weightKg: 0, madeOn: date, grade: '', other: 'x' })).toEqual({
      productName: '电机',
      weightKg: 0,
      madeOn: '2026-11-02',
    });
    expect(attributesForSubmit(items, undefined)).toEqual({});
  });

  it('reads stored strings back into form values', () => {
    const form = attributesForForm(items, { productName: '电机', weightKg: '12.5', madeOn: '2026-11-02', grade: 'A' }, (iso) => `D:${iso}`);
    expect(form).toEqual({ productName: '电机', weightKg: 12.5, madeOn: 'D:2026-11-02', grade: 'A' });
    expect(attributesForForm(items, { weightKg: 'n/a', madeOn: 'soon' }, (iso) => iso)).toEqual({ weightKg: 'n/a', madeOn: 'soon' });
  });

  it('knows the industry division and which indexes are raw values', () => {
    expect(industryDivision('C3831')).toBe('38');
    expect(industryDivision('I65')).toBe('65');
    expect(industryDivision('38')).toBe('');
    expect([1, 100, 1000, 1002, 1999].every(isRawValue)).toBe(true);
    expect([1001, 2000, 2001].some(isRawValue)).toBe(false);
  });
});

describe('template items from the editor', () => {
  it('keeps only the limits of the item type and drops blanks', () => {
    expect(
      cleanTemplateItem({
        name: ' serialNo ',
        label: '序列号',
        type: 'string',
        required: true,
        maxLength: 32,
        min: 3,
        pattern: '',
        options: [],
      }),
    ).toEqual({ name: 'serialNo', label: '序列号', type: 'string', required: true, maxLength: 32 });
    expect(cleanTemplateItem({ name: 'grade', label: '等级', type: 'enum', options: ['A', 'B'], maxLength: 4 })).toEqual({
      name: 'grade',
      label: '等级',
      type: 'enum',
      required: false,
      options: ['A', 'B'],
    });
    expect(cleanTemplateItem({ name: 'w', label: '重量', type: 'number', min: 0, max: null, minDate: '2020-01-01' })).toEqual({
      name: 'w',
      label: '重量',
      type: 'number',
      required: false,
      min: 0,
    });
  });
});

describe('issue paths from the identifier API', () => {
  it('maps fields to form paths, Form.List rows included', () => {
    expect(issuePath('attributes.batchNo')).toEqual(['attributes', 'batchNo']);
    expect(issuePath('body.attributes.batchNo')).toEqual(['attributes', 'batchNo']);
    expect(issuePath('items[2].name')).toEqual(['items', 2, 'name']);
    expect(issuePath('values[0].index')).toEqual(['values', 0, 'index']);
    expect(issuePath('handle')).toEqual(['handle']);
  });

  it('gives null where no field stands for the path', () => {
    expect(issuePath('values[index=1001]')).toBeNull();
    expect(issuePath('body')).toBeNull();
    expect(issuePath('a..b')).toBeNull();
  });

  it('knows the item rules it localises', () => {
    expect(isItemRule('pattern')).toBe(true);
    expect(isItemRule('template_range')).toBe(false);
  });
});
