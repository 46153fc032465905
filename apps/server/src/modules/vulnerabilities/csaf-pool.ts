import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { UploadedFile } from '../../platform/tabular/http.js';
import { type CheckedFile, checkCsafFile, type KnownVersions } from './csaf-check.js';
import type { WorkerRequest } from './csaf-worker.js';

/** Checks the files of directory imports, in parallel when it has worker threads. */
export interface CsafChecker {
  /** Every file's outcome, in the files' order, computed ahead of the consumer by a bounded window. */
  check(files: readonly UploadedFile[], known: KnownVersions): AsyncGenerator<CheckedFile>;
  /** Stops the worker threads (they also stop by themselves after a while without work). */
  close(): Promise<void>;
}

/** Files in flight ahead of the consumer: enough to keep every worker busy while a batch is written. */
const WINDOW = 512;
/** Idle workers end after this long; the next import starts new ones. */
const IDLE_MS = 30_000;

/**
 * The worker's entry: the bundled build has dist/csaf-worker.js next to the server's chunks (see
 * build.mjs). From sources (tests, benches, npm run dev) Node 20 cannot hand a worker thread the
 * TypeScript loader, so the worker is bundled once per process with esbuild (a dev dependency)
 * into node_modules/.cache, where its npm imports resolve as from the sources.
 */
function workerFile(): URL {
  const built = new URL('./csaf-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  if (devBundle) return devBundle;
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof import('esbuild');
  const modules = require.resolve('esbuild').replace(/node_modules[\\/]esbuild[\\/].*$/, 'node_modules');
  const out = join(modules, '.cache', 'suilian', `csaf-worker-${process.pid}.mjs`);
  mkdirSync(dirname(out), { recursive: true });
  esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./csaf-worker.ts', import.meta.url))],
    outfile: `${out}.tmp`,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    // npm packages stay external like in build.mjs; the workspace's TypeScript contracts are bundled.
    packages: 'external',
    alias: { '@suilian/contracts': require.resolve('@suilian/contracts') },
  });
  renameSync(`${out}.tmp`, out);
  process.once('exit', () => rmSync(out, { force: true }));
  devBundle = pathToFileURL(out);
  return devBundle;
}
let devBundle: URL | undefined;

type Pending = { resolve: (r: CheckedFile) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; pending: Map<number, Pending> };

/** A checker with `workers` threads (0: checks in the calling thread, one file after another). */
export function createCsafChecker(options: { workers: number }): CsafChecker {
  const slots: Slot[] = [];
  let nextId = 0;
  let nextContext = 0;
  let active = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  /** The known versions of each running import, so a worker started mid-import (after a crash) gets them too. */
  const contexts = new Map<number, KnownVersions>();

  function spawn(): Slot {
    const worker = new Worker(workerFile());
    const slot: Slot = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (m: { id: number; result?: CheckedFile; error?: string }) => {
      const p = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      if (m.result) p?.resolve(m.result);
      else p?.reject(new Error(`CSAF check failed: ${m.error}`));
    });
    const fail = (error: Error) => {
      slots.splice(slots.indexOf(slot), 1);
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(new Error(`CSAF worker exited with code ${code}`));
    });
    return slot;
  }

  function fillSlots() {
    while (slots.length < options.workers) {
      const slot = spawn();
      for (const [context, known] of contexts) slot.worker.postMessage({ type: 'context', context, known } satisfies WorkerRequest);
      slots.push(slot);
    }
  }

  function submit(file: UploadedFile, context: number): Promise<CheckedFile> {
    // The least busy worker takes the file; its bytes are copied, the job keeps its own.
    fillSlots();
    const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ type: 'check', id, context, name: file.name, content: file.content } satisfies WorkerRequest);
    });
  }

  async function* inline(files: readonly UploadedFile[], known: KnownVersions) {
    for (const f of files) yield await checkCsafFile(f.name, f.content, known);
  }

  async function* parallel(files: readonly UploadedFile[], known: KnownVersions): AsyncGenerator<CheckedFile> {
    const context = nextContext++;
    active++;
    clearTimeout(idleTimer);
    for (const s of slots) s.worker.postMessage({ type: 'context', context, known } satisfies WorkerRequest);
    contexts.set(context, known);
    fillSlots();
    const results: Array<Promise<CheckedFile> | undefined> = [];
    let submitted = 0;
    try {
      for (let i = 0; i < files.length; i++) {
        while (submitted < files.length && submitted < i + WINDOW) {
          const p = submit(files[submitted] as UploadedFile, context);
          p.catch(() => undefined); // awaited below in order; never an unhandled rejection meanwhile
          results[submitted++] = p;
        }
        const result = await (results[i] as Promise<CheckedFile>);
        results[i] = undefined;
        yield result;
      }
    } finally {
      contexts.delete(context);
      for (const s of slots) s.worker.postMessage({ type: 'drop', context } satisfies WorkerRequest);
      if (--active === 0) idleTimer = setTimeout(() => void close(), IDLE_MS).unref();
    }
  }

  async function close() {
    clearTimeout(idleTimer);
    const stopping = slots.splice(0).map((s) => s.worker.terminate());
    await Promise.all(stopping);
  }

  return { check: (files, known) => (options.workers > 0 ? parallel(files, known) : inline(files, known)), close };
}
