import { ACCEPTED_FILE_TYPES } from '@suilian/contracts';

export type SniffResult = { ok: true; mediaType: string } | { ok: false; rule: string; message: string };

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** What the bytes are, regardless of the file name. */
export function detectContent(buf: Buffer): string | 'executable' | 'unknown' {
  if (
    startsWith(buf, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(buf, [0x4d, 0x5a]) ||
    startsWith(buf, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(buf, [0x23, 0x21])
  ) {
    return 'executable';
  }
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML packages are zip files whose entry names say which application made them.
    const names = buf.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return 'unknown';
    if (names.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (names.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (names.includes('ppt/')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
    return 'unknown';
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (!buf.subarray(0, 8192).includes(0)) return 'text';
  return 'unknown';
}

/** Accepts a file only when its content is an accepted type and agrees with its extension. */
export function sniffUpload(name: string, buf: Buffer): SniffResult {
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  const claimed = Object.entries(ACCEPTED_FILE_TYPES).find(([, exts]) => (exts as readonly string[]).includes(ext))?.[0];
  if (!claimed) {
    return {
      ok: false,
      rule: 'extension',
      message: `files named ${ext || '(no extension)'} are not accepted; allowed: ${Object.values(ACCEPTED_FILE_TYPES).flat().join(' ')}`,
    };
  }
  const content = detectContent(buf);
  if (content === 'executable') return { ok: false, rule: 'content', message: `the file is an executable program, not ${ext}` };
  const agrees =
    content === claimed ||
    (content === 'ole' && (claimed === 'application/msword' || claimed === 'application/vnd.ms-excel')) ||
    (content === 'text' && (claimed === 'text/csv' || claimed === 'text/plain'));
  if (!agrees)
    return { ok: false, rule: 'content', message: `the content is not ${ext} (found ${content === 'text' ? 'plain text' : content})` };
  return { ok: true, mediaType: claimed };
}
