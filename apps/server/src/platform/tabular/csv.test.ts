import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from './csv.js';

const TEXT = '企业名称,统一社会信用代码,所在区\r\n广州黄埔显示面板有限公司,91440112MA59B7XH31,黄埔区\r\n';

describe('CSV decoding', () => {
  it('reads GBK (Excel/WPS "CSV (逗号分隔)" on Chinese Windows)', () => {
    const gbk = iconv.encode(TEXT, 'gbk');
    expect(gbk.equals(Buffer.from(TEXT))).toBe(false);
    expect(decodeText(gbk)).toEqual({ text: TEXT, encoding: 'gbk' });
  });

  it('reads UTF-8 with a BOM ("CSV UTF-8") and drops the BOM', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
    const { text, encoding } = decodeText(bom);
    expect(encoding).toBe('utf-8');
    expect(text).toBe(TEXT);
    expect(parseCsv(text)[0]?.[0]).toBe('企业名称');
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });
});

describe('CSV parsing', () => {
  it('splits records on CRLF or LF and keeps quoted commas, quotes and line breaks', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line1\nline2"\n1,,3';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '', '3'],
    ]);
  });

  it('ignores the final line break', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
