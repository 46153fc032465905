import { describe, expect, it } from 'vitest';
import { sniffUpload } from './sniff.js';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]);
const pe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1');

// Issue #3 "Bad input": a file whose content is not what its name says.
describe('upload sniffing', () => {
  it('accepts a PDF named .pdf', () => {
    expect(sniffUpload('验收报告.PDF', pdf)).toEqual({ ok: true, mediaType: 'application/pdf' });
  });

  it('refuses an executable renamed .pdf', () => {
    expect(sniffUpload('report.pdf', elf)).toMatchObject({ ok: false, rule: 'content' });
    expect(sniffUpload('report.pdf', pe)).toMatchObject({ ok: false, rule: 'content', message: expect.stringContaining('executable') });
  });

  it('refuses text pretending to be a PDF and unknown extensions', () => {
    expect(sniffUpload('report.pdf', Buffer.from('hello'))).toMatchObject({ ok: false, rule: 'content' });
    expect(sniffUpload('tool.exe', pe)).toMatchObject({ ok: false, rule: 'extension' });
  });

  it('accepts CSV text, including GBK bytes', () => {
    const gbk = Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0x2c, 0x31, 0x0a]); // "企业,1\n" in GBK
    expect(sniffUpload('list.csv', gbk)).toEqual({ ok: true, mediaType: 'text/csv' });
  });
});
