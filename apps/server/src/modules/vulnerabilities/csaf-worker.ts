/**
 * A worker thread of the CSAF import pool (csaf-pool.ts): checks the files it is sent with
 * checkCsafFile and posts each outcome back under the task's id. Known tracking versions arrive
 * once per import as a context, so a task carries only its file.
 */
import { parentPort } from 'node:worker_threads';
import { checkCsafFile, type KnownVersions } from './csaf-check.js';

export type WorkerRequest =
  | { type: 'context'; context: number; known: KnownVersions }
  | { type: 'drop'; context: number }
  | { type: 'check'; id: number; context: number; name: string; content: Uint8Array };

const port = parentPort;
if (!port) throw new Error('csaf-worker runs only as a worker thread');
const contexts = new Map<number, KnownVersions>();
const NONE: KnownVersions = new Map();

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'context') contexts.set(request.context, request.known);
  else if (request.type === 'drop') contexts.delete(request.context);
  else
    checkCsafFile(request.name, request.content, contexts.get(request.context) ?? NONE).then(
      (result) => port.postMessage({ id: request.id, result }),
      (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
});
