// npm run openapi              regenerates the documents generated from the code:
//                                docs/api/openapi.json     the OpenAPI document (as /api/docs/json serves it, keys sorted)
//                                docs/api/authorization.md endpoints × roles, from packages/contracts
//                                README.md                 the configuration table, from apps/server/src/config.ts
// npm run openapi -- --check   writes nothing; says what is out of date and exits 1 if anything is (CI).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAuthorizationTable } from './authorization.ts';
import { summarizeConfigChange, withConfigTable } from './config-table.ts';
import { buildOpenApiDocument, sortKeys, summarizeOpenApiChange } from './openapi.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

interface Generated {
  /** Path from the repository root. */
  path: string;
  render(committed: string): Promise<string>;
  /** Short lines saying how the committed file differs from the generated one. */
  explain(committed: string, fresh: string): string[];
}

const GENERATED: Generated[] = [
  {
    path: 'docs/api/openapi.json',
    // Not formatted by biome (biome.json leaves docs/api alone: the document is over its 1 MiB limit).
    render: async () => `${JSON.stringify(sortKeys(await buildOpenApiDocument()), null, 2)}\n`,
    explain: summarizeOpenApiChange,
  },
  {
    path: 'docs/api/authorization.md',
    render: async () => renderAuthorizationTable(),
    explain: (committed, fresh) => {
      const before = new Set(committed.split('\n'));
      const after = new Set(fresh.split('\n'));
      const rows = (lines: Set<string>, other: Set<string>) => [...lines].filter((l) => l.startsWith('| `') && !other.has(l));
      return [
        ...rows(after, before).map((l) => `+ ${l.split(' | ').slice(0, 3).join(' | ')} …`),
        ...rows(before, after).map((l) => `- ${l.split(' | ').slice(0, 3).join(' | ')} …`),
      ];
    },
  },
  { path: 'README.md', render: async (committed) => withConfigTable(committed), explain: summarizeConfigChange },
];

async function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const file of GENERATED) {
    const full = join(root, file.path);
    const committed = existsSync(full) ? readFileSync(full, 'utf8') : '';
    const fresh = await file.render(committed);
    if (fresh === committed) {
      console.log(`up to date  ${file.path}`);
      continue;
    }
    if (check) {
      stale++;
      console.log(`OUT OF DATE ${file.path}`);
      for (const line of file.explain(committed, fresh)) console.log(`    ${line}`);
    } else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, fresh);
      console.log(`written     ${file.path}`);
    }
  }
  if (stale) {
    console.log(`\n${stale} generated file(s) differ from the code: run \`npm run openapi\` and commit them.`);
    process.exit(1);
  }
}

await main();
