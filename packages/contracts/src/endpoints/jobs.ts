import { defineEndpoints } from '../api/endpoint.js';

/** Background jobs (imports, batch validation, directory imports): progress and results. */
export const jobEndpoints = defineEndpoints({});
