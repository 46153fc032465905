import { describe, expect, it } from 'vitest';
import { addResults, directoryParts } from './directoryParts';

const files = (sizes: number[]) => sizes.map((size, i) => ({ name: `${i}.json`, size }));

describe('directory import parts (#13 item 4)', () => {
  it('sends the whole CISA OT corpus (2,380 files, 54 MiB) as one part', () => {
    const corpus = files(Array.from({ length: 2380 }, () => 23_600));
    expect(directoryParts(corpus)).toHaveLength(1);
  });

  it('splits by the file count and by the total size, keeping the order', () => {
    const parts = directoryParts(files([5, 5, 5, 5, 5]), { maxFiles: 2, maxBytes: 100 });
    expect(parts.map((p) => p.map((f) => f.name))).toEqual([['0.json', '1.json'], ['2.json', '3.json'], ['4.json']]);
    expect(directoryParts(files([60, 30, 20, 90]), { maxFiles: 10, maxBytes: 100 }).map((p) => p.length)).toEqual([2, 1, 1]);
    // A file larger than the total alone is a part of its own (the server rejects it by name).
    expect(directoryParts(files([500, 1]), { maxFiles: 10, maxBytes: 100 }).map((p) => p.length)).toEqual([1, 1]);
  });

  it('adds up the parts’ results', () => {
    const a = {
      files: 2,
      created: 1,
      updated: 0,
      skipped: 0,
      rejected: [{ file: 'x', reason: { code: 'advisory.file_empty' }, messages: [] }],
    };
    const b = { files: 3, created: 1, updated: 1, skipped: 1, rejected: [] };
    expect(addResults(addResults(null, a), b)).toEqual({ ...a, files: 5, created: 2, updated: 1, skipped: 1 });
  });
});
