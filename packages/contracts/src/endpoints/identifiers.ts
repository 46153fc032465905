import { defineEndpoints } from '../api/endpoint.js';

/** Industrial identifiers: prefixes, templates, records, batches, reverse lookup, statistics, the Handle.Net REST API. */
export const identifierEndpoints = defineEndpoints({});
