import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans SC (as "Noto Sans Hans", SIL Open Font License 1.1) from the @embedpdf/fonts-sc npm
 * package: installed with everything else by `npm install`, nothing fetched at run time. pdfkit
 * embeds only the glyphs a document uses (a subset), with a ToUnicode map so text can be copied.
 */
const require = createRequire(import.meta.url);
const cache = new Map<string, Buffer>();

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' };

/** The font file's bytes, read once per process. */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    const packageDir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..');
    bytes = readFileSync(join(packageDir, 'fonts', FILES[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}
