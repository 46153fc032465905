import { defineEndpoints } from '../api/endpoint.js';
import { SearchQuerySchema, SearchResultSchema } from '../search.js';

const tags = ['search'];

/** The header's global search (#12 item 7). */
export const searchEndpoints = defineEndpoints({
  searchEverything: {
    method: 'GET',
    path: '/api/search',
    access: 'authenticated',
    tags,
    summary:
      "Enterprises, projects, identifiers and vulnerabilities matching q, each through its module's own scoped list (the caller sees only what those lists show them); kinds the caller may not read are left out",
    query: SearchQuerySchema,
    success: 200,
    response: SearchResultSchema,
  },
});
