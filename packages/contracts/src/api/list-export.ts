import { z } from 'zod';
import { LOCALES } from '../auth.js';
import type { Access } from './endpoint.js';

/** `?lang=`: the language of an export's headers and worded values (the console sends its own; default zh-CN). */
export const ExportLanguageShape = { lang: z.enum(LOCALES).optional() };

/**
 * The query of a list's export: the list's own filters and sort, without paging, plus `lang`
 * (#12 item 7: the export holds exactly the filtered list the user sees, every page of it).
 */
export function exportQueryOf<S extends z.ZodRawShape>(list: z.ZodObject<S>) {
  return list
    .omit({ page: true, pageSize: true } as never)
    .extend(ExportLanguageShape)
    .strict();
}

interface ListExportOptions<Q extends z.ZodType> {
  /** The list's path + `/export`, e.g. `/api/users/export`. */
  path: string;
  /** The list's own access: whoever reads the list may export it (scope is the list's). */
  access: Access;
  tags: readonly string[];
  query: Q;
}

/**
 * The export twin of a list endpoint (#12 item 7): `GET <list>/export` answers the filtered list as
 * .xlsx — the same mechanism as the importable lists' exports (`tabularEndpointSpecs`, ADR 0006) —
 * refused with reason `export.too_many_rows` beyond MAX_EXPORT_ROWS.
 */
export function listExportSpec<const P extends string, Q extends z.ZodType, const A extends Access>(
  o: ListExportOptions<Q> & { path: P; access: A },
) {
  return {
    method: 'GET',
    path: o.path,
    access: o.access,
    tags: o.tags,
    description: 'The filtered list (every page, the list’s own scope and filters) as .xlsx; headers in `lang`.',
    query: o.query,
    success: 200,
    responseKind: 'file',
  } as const;
}
