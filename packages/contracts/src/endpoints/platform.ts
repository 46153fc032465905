import { defineEndpoints } from '../api/endpoint.js';

/** Cross-cutting: the audit log, stored files, background jobs, health. */
export const platformEndpoints = defineEndpoints({});
