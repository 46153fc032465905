import { defineEndpoints } from '../api/endpoint.js';

/** Selection rounds for benchmarks and typical cases: applications, experts, scores, publicity. */
export const selectionEndpoints = defineEndpoints({});
