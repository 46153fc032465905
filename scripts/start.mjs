// `npm start`: build what is stale, then run the server in this process (so Ctrl-C reaches it directly).
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt(['web', 'server']);
await import('../apps/server/dist/main.js');
