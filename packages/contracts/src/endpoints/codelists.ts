import { defineEndpoints } from '../api/endpoint.js';

/** Versioned code lists (scenarios, clusters, industries, honours). */
export const codeListEndpoints = defineEndpoints({});
