import { defineEndpoints } from '../api/endpoint.js';
import {
  CodeItemParamsSchema,
  CodeItemSchema,
  CodeListParamsSchema,
  CodeListQuerySchema,
  CodeListSchema,
  CodeListSummarySchema,
  UpsertCodeItemSchema,
} from '../code-lists.js';

const tags = ['code lists'];

/** Versioned code lists (scenarios, clusters, industries, honours). */
export const codeListEndpoints = defineEndpoints({
  listCodeLists: {
    method: 'GET',
    path: '/api/code-lists',
    access: 'authenticated',
    tags,
    success: 200,
    response: CodeListSummarySchema.array(),
  },
  getCodeList: {
    method: 'GET',
    path: '/api/code-lists/:key',
    access: 'authenticated',
    tags,
    params: CodeListParamsSchema,
    query: CodeListQuerySchema,
    success: 200,
    response: CodeListSchema,
  },
  upsertCodeItem: {
    method: 'PUT',
    path: '/api/code-lists/:key/items/:code',
    access: 'codelist:write',
    tags,
    summary: 'Adds an item or renames one; a retired item comes back to life',
    params: CodeItemParamsSchema,
    body: UpsertCodeItemSchema,
    success: 200,
    response: CodeItemSchema,
  },
  retireCodeItem: {
    method: 'POST',
    path: '/api/code-lists/:key/items/:code/retire',
    access: 'codelist:write',
    tags,
    params: CodeItemParamsSchema,
    success: 200,
    response: CodeItemSchema,
  },
});
