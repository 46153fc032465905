import { z } from 'zod';
import { EnterpriseListQuerySchema } from './enterprises.js';
import { RefusalReasonSchema } from './errors.js';
import { FactoryListQuerySchema } from './factories.js';
import { ProjectListQuerySchema } from './projects.js';
import { RegistryListQuerySchema } from './registries.js';

/**
 * Excel/CSV imports (issue #3 item 6). `all` (default): if any row is invalid nothing is written;
 * `valid`: the valid rows are written and the others reported.
 */
export const IMPORT_MODES = ['all', 'valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Rows one file may hold; larger files are refused before any work starts. */
export const MAX_IMPORT_ROWS = 50_000;
/** Rows one export may hold; narrow the filters beyond that. */
export const MAX_EXPORT_ROWS = 50_000;

export const ImportQuerySchema = z.object({ mode: z.enum(IMPORT_MODES).default('all') }).strict();
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

/** One reason a row was not imported: the sheet row number, the column by its (Chinese) header, the rule. */
export const ImportRejectionSchema = z.object({
  row: z.number().int(),
  /** The column header as in the template; null when the problem is the row as a whole. */
  column: z.string().nullable(),
  rule: z.string(),
  /** English, for logs and API clients; the console words `reason`. */
  message: z.string(),
  /**
   * The rule as a code with parameters (`import.max_length {column, max}`, `import.choice {column,
   * allowed}` …), worded by the console (issue #12 item 3); every rejection the importers send has one.
   */
  reason: RefusalReasonSchema.optional(),
});
export type ImportRejection = z.infer<typeof ImportRejectionSchema>;

/** `result` of an `*.import` job. */
export const ImportResultSchema = z.object({
  mode: z.enum(IMPORT_MODES),
  /** Data rows in the file (empty rows skipped). */
  rows: z.number().int(),
  /** Rows that passed every check. */
  valid: z.number().int(),
  /** Records written (0 in mode `all` when any row was rejected). */
  created: z.number().int(),
  /** Every problem found, ordered by row then column; a row may have several. */
  rejected: z.array(ImportRejectionSchema),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** The list filters without paging: an export holds the whole filtered list. */
export const EnterpriseExportQuerySchema = EnterpriseListQuerySchema.omit({ page: true, pageSize: true });
export type EnterpriseExportQuery = z.infer<typeof EnterpriseExportQuerySchema>;
export const ProjectExportQuerySchema = ProjectListQuerySchema.omit({ page: true, pageSize: true });
export type ProjectExportQuery = z.infer<typeof ProjectExportQuerySchema>;
export const FactoryExportQuerySchema = FactoryListQuerySchema.omit({ page: true, pageSize: true });
export type FactoryExportQuery = z.infer<typeof FactoryExportQuerySchema>;
export const RegistryExportQuerySchema = RegistryListQuerySchema.omit({ page: true, pageSize: true });
export type RegistryExportQuery = z.infer<typeof RegistryExportQuerySchema>;
