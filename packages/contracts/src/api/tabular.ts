import type { z } from 'zod';
import { ImportQuerySchema } from '../imports.js';
import { JobAcceptedSchema } from '../jobs.js';
import type { Access, EndpointSpec } from './endpoint.js';

interface TabularOptions<Q extends z.ZodType> {
  /** The list's path, e.g. `/api/enterprises`: the endpoints are `<base>/import-template`, `<base>/import`, `<base>/export`. */
  base: string;
  tags: readonly string[];
  /** What one row is, for the descriptions (enterprise, project …). */
  noun: string;
  exportQuery: Q;
  /** Access to the template and the export (reading the list). */
  read: Access;
  /** Access to the import (writing the list). */
  write: Access;
}

/**
 * The template, import and export endpoints every importable list has, all alike (ADR 0006):
 * `download<Name>Template`, `import<Names>`, `export<Names>`.
 */
export function tabularEndpointSpecs<const N extends string, const P extends string, Q extends z.ZodType>(
  name: N,
  plural: P,
  o: TabularOptions<Q>,
) {
  const template = {
    method: 'GET',
    path: `${o.base}/import-template`,
    access: o.read,
    tags: o.tags,
    description: `The .xlsx template for ${o.noun} imports: Chinese headers, drop-downs, a 说明 sheet.`,
    success: 200,
    responseKind: 'file',
  } as const satisfies EndpointSpec;
  const importing = {
    method: 'POST',
    path: `${o.base}/import`,
    access: o.write,
    tags: o.tags,
    description: 'multipart/form-data with the .xlsx or .csv in a part named file; follow the job at /api/jobs/:id',
    upload: true,
    query: ImportQuerySchema,
    success: 202,
    response: JobAcceptedSchema,
  } as const satisfies EndpointSpec;
  const exporting = {
    method: 'GET',
    path: `${o.base}/export`,
    access: o.read,
    tags: o.tags,
    description: 'The filtered list as .xlsx, in the template’s columns.',
    query: o.exportQuery,
    success: 200,
    responseKind: 'file',
  } as const satisfies EndpointSpec;
  return {
    [`download${name}Template`]: template,
    [`import${plural}`]: importing,
    [`export${plural}`]: exporting,
  } as { [K in `download${N}Template`]: typeof template } & { [K in `import${P}`]: typeof importing } & {
    [K in `export${P}`]: Omit<typeof exporting, 'query'> & { query: Q };
  };
}
