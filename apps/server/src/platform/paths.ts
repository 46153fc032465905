import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The apps/server folder, found the same way from src/ (tsx, tests) and from the bundled dist/. */
function findServerRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@suilian/server') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the @suilian/server package root');
    dir = parent;
  }
}

export const SERVER_ROOT = findServerRoot();
export const MIGRATIONS_DIR = join(SERVER_ROOT, 'drizzle');
export const REFERENCE_DIR = join(SERVER_ROOT, 'reference');
export const WEB_DIST_DIR = join(SERVER_ROOT, '..', 'web', 'dist');
