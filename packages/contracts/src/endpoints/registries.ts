import { defineEndpoints } from '../api/endpoint.js';
import { tabularEndpointSpecs } from '../api/tabular.js';
import { IdParamsSchema, OkSchema, pageOf } from '../common.js';
import { RegistryExportQuerySchema } from '../imports.js';
import {
  createRecordSchemaFor,
  REGISTRY_KEYS,
  type RegistryKey,
  RegistryListQuerySchema,
  RegistryRecordSchema,
  updateRecordSchemaFor,
} from '../registries.js';

/**
 * One set of endpoints per registry at /api/<key>, each with that registry's own body schema.
 * Not generic over the key: `ReturnType` of the generic version was `any`, which silently untyped
 * every REGISTRY_API handler and call.
 */
function registryEndpointsOf(key: RegistryKey) {
  const tags = [`registry: ${key}`];
  const base = `/api/${key}` as const;
  return defineEndpoints(
    {
      listRecords: {
        method: 'GET',
        path: base,
        access: 'registry:read',
        tags,
        query: RegistryListQuerySchema,
        success: 200,
        response: pageOf(RegistryRecordSchema),
      },
      createRecord: {
        method: 'POST',
        path: base,
        access: 'registry:write',
        tags,
        body: createRecordSchemaFor(key),
        success: 201,
        response: RegistryRecordSchema,
      },
      getRecord: {
        method: 'GET',
        path: `${base}/:id`,
        access: 'registry:read',
        tags,
        params: IdParamsSchema,
        success: 200,
        response: RegistryRecordSchema,
      },
      updateRecord: {
        method: 'PATCH',
        path: `${base}/:id`,
        access: 'registry:write',
        tags,
        params: IdParamsSchema,
        body: updateRecordSchemaFor(key),
        success: 200,
        response: RegistryRecordSchema,
      },
      deleteRecord: {
        method: 'DELETE',
        path: `${base}/:id`,
        access: 'registry:write',
        tags,
        params: IdParamsSchema,
        success: 200,
        response: OkSchema,
      },
      ...tabularEndpointSpecs('Record', 'Records', {
        base,
        tags,
        noun: `${key} record`,
        exportQuery: RegistryExportQuerySchema,
        read: 'registry:read',
        write: 'registry:write',
      }),
    },
    key,
  );
}

export type RegistryEndpoints = ReturnType<typeof registryEndpointsOf>;

/** The registries' endpoints by registry key: `REGISTRY_API.patents.listRecords`. */
export const REGISTRY_API = Object.fromEntries(REGISTRY_KEYS.map((key) => [key, registryEndpointsOf(key)])) as {
  [K in RegistryKey]: RegistryEndpoints;
};
