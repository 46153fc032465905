// `npm run cli -- <command>`: the administration CLI (builds the server first when stale).
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt(['server']);
await import('../apps/server/dist/cli.js');
