import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue #10's "done when", kept true: routes are registered only through the catalogue
 * (serveEndpoint) and permissions are checked only by the policy layer (ADR 0011).
 */
const SRC = join(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function offenders(pattern: RegExp, allowed: string[]): string[] {
  return sourceFiles(SRC)
    .map((file) => relative(SRC, file))
    .filter((file) => !allowed.includes(file))
    .flatMap((file) =>
      readFileSync(join(SRC, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe('architecture rules', () => {
  it('checks permissions only in the policy layer and the auth hook', () => {
    expect(
      offenders(/permissions\.(includes|some|every)\(|hasPermission\(/, ['platform/policy/policy.ts', 'platform/http/auth-hook.ts']),
    ).toEqual([]);
  });

  it('registers /api routes only through serveEndpoint', () => {
    const registration = /\b(r|app|api|fastify|instance)\.(get|post|put|patch|delete|route)\(\s*['`]\/api/;
    expect(offenders(registration, ['platform/http/endpoint-route.ts'])).toEqual([]);
    expect(offenders(/withTypeProvider</, [])).toEqual([]);
  });
});
