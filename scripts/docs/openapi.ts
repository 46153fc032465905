import { rmSync } from 'node:fs';
import { buildApp } from '../../apps/server/src/app.ts';
import { ConfigSchema, toConfig } from '../../apps/server/src/config.ts';
import { scratchDir } from '../../apps/server/src/db/embedded-postgres.ts';
import { openDatabase } from '../../apps/server/src/db/open.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The OpenAPI document exactly as `/api/docs/json` serves it: the whole app is built the way the
 * integration tests build it, on a throwaway embedded PostgreSQL (the app's start hooks read the
 * database, and @fastify/swagger only answers after they ran). About as long as one test file's set-up.
 */
export async function buildOpenApiDocument(): Promise<JsonObject> {
  const dataDir = scratchDir('suilian-openapi');
  const config = toConfig(
    ConfigSchema.parse({
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      // No background work while the document is read.
      MAIL_POLL_SECONDS: '0',
      REMINDER_INTERVAL_MINUTES: '0',
      HANDLE_STATS_FLUSH_SECONDS: '0',
    }),
  );
  const opened = await openDatabase(config, { whenRunning: 'refuse', log: () => undefined });
  try {
    const app = await buildApp({ config, database: opened.database, webDistDir: '/nonexistent' });
    try {
      await app.ready();
      return JSON.parse(JSON.stringify(app.swagger())) as JsonObject;
    } finally {
      await app.close();
    }
  } finally {
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The same value with every object's keys in code-point order (arrays keep theirs): a stable snapshot. */
export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key] as Json);
  return out;
}

interface Operation {
  key: string;
  operationId: string;
  body: JsonObject;
}

function operationsOf(doc: JsonObject): Map<string, Operation> {
  const out = new Map<string, Operation>();
  const paths = (doc.paths ?? {}) as Record<string, JsonObject>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const body = item[method] as JsonObject | undefined;
      if (!body) continue;
      const key = `${method.toUpperCase()} ${path}`;
      out.set(key, { key, operationId: String(body.operationId ?? '-'), body });
    }
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a as Json)) === JSON.stringify(sortKeys(b as Json));

/** Top-level parts of an operation that differ (`responses.200`, `parameters`, `description` …). */
function changedParts(before: JsonObject, after: JsonObject): string[] {
  const parts: string[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (same(before[key], after[key])) continue;
    const b = before[key];
    const a = after[key];
    if (key === 'responses' && b && a && typeof b === 'object' && typeof a === 'object') {
      const codes = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
      parts.push(...codes.filter((c) => !same((b as JsonObject)[c], (a as JsonObject)[c])).map((c) => `responses.${c}`));
    } else {
      parts.push(key);
    }
  }
  return parts;
}

/** A short account of how two OpenAPI documents differ: operations added, removed and changed. */
export function summarizeOpenApiChange(committedText: string, freshText: string): string[] {
  let committed: JsonObject;
  try {
    committed = JSON.parse(committedText) as JsonObject;
  } catch {
    return ['the committed document is missing or not JSON'];
  }
  const fresh = JSON.parse(freshText) as JsonObject;
  const before = operationsOf(committed);
  const after = operationsOf(fresh);
  const lines: string[] = [];
  const added = [...after.values()].filter((o) => !before.has(o.key));
  const removed = [...before.values()].filter((o) => !after.has(o.key));
  const changed = [...after.values()].filter((o) => before.has(o.key) && !same(before.get(o.key)?.body, o.body));
  lines.push(`${added.length} operation(s) added, ${removed.length} removed, ${changed.length} changed`);
  for (const o of added) lines.push(`+ ${o.key} (${o.operationId})`);
  for (const o of removed) lines.push(`- ${o.key} (${o.operationId})`);
  for (const o of changed) {
    const old = before.get(o.key);
    lines.push(`~ ${o.key} (${o.operationId}): ${old ? changedParts(old.body, o.body).join(', ') : ''}`);
  }
  for (const key of [...new Set([...Object.keys(committed), ...Object.keys(fresh)])].sort()) {
    if (key !== 'paths' && !same(committed[key], fresh[key])) lines.push(`~ ${key}`);
  }
  return lines;
}
