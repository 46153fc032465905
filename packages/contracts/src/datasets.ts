import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema } from './common.js';
import { ImportRejectionSchema } from './imports.js';

/**
 * The dataset catalogue (数据目录, issue #16 item 3): the platform's own data and uploaded statistics,
 * each with a licence, an update frequency, an access level and distributions (CSV, JSON, XLSX).
 * Public datasets are also published through the CKAN Action API and a DCAT-AP catalogue.
 */
export const DATASET_ACCESS_LEVELS = ['public', 'registered', 'internal'] as const;
export const DatasetAccessLevelSchema = z.enum(DATASET_ACCESS_LEVELS);
export type DatasetAccessLevel = z.infer<typeof DatasetAccessLevelSchema>;

/** Licences as SPDX identifiers; `restricted` is for datasets that are not open data. */
export const DATASET_LICENCES = ['CC-BY-4.0', 'CC0-1.0', 'ODC-By-1.0', 'restricted'] as const;
export const DatasetLicenceSchema = z.enum(DATASET_LICENCES);
export type DatasetLicence = z.infer<typeof DatasetLicenceSchema>;

/** Update frequencies (mapped to the EU frequency vocabulary in DCAT-AP). */
export const DATASET_FREQUENCIES = ['daily', 'monthly', 'quarterly', 'annual', 'irregular'] as const;
export const DatasetFrequencySchema = z.enum(DATASET_FREQUENCIES);
export type DatasetFrequency = z.infer<typeof DatasetFrequencySchema>;

/** Themes: codes of the EU data-theme vocabulary that DCAT-AP uses. */
export const DATASET_THEMES = ['ECON', 'TECH', 'GOVE', 'REGI'] as const;
export const DatasetThemeSchema = z.enum(DATASET_THEMES);
export type DatasetTheme = z.infer<typeof DatasetThemeSchema>;

export const DISTRIBUTION_FORMATS = ['csv', 'json', 'xlsx'] as const;
export const DistributionFormatSchema = z.enum(DISTRIBUTION_FORMATS);
export type DistributionFormat = z.infer<typeof DistributionFormatSchema>;

export type DatasetColumnType = 'text' | 'number' | 'date';
/** One column of a dataset's table: its key (the CSV header and JSON field), kind and names. */
export interface DatasetColumn {
  key: string;
  type: DatasetColumnType;
  zh: string;
  en: string;
}

const col = (key: string, type: DatasetColumnType, zh: string, en: string): DatasetColumn => ({ key, type, zh, en });

/**
 * The registered queries over the platform's own data a dataset can be built from, with their
 * columns (no personal data in any of them: organisations, not people). The server has one
 * repository function per key.
 */
export const DATASET_QUERIES = {
  indicator_values: [
    col('indicator_code', 'text', '指标编码', 'Indicator code'),
    col('indicator_name', 'text', '指标名称', 'Indicator'),
    col('district_code', 'text', '区划代码', 'District code'),
    col('district', 'text', '区', 'District'),
    col('month', 'text', '月份', 'Month'),
    col('value', 'number', '值', 'Value'),
  ],
  enterprises: [
    col('credit_code', 'text', '统一社会信用代码', 'Credit code'),
    col('name', 'text', '企业名称', 'Enterprise'),
    col('district', 'text', '区', 'District'),
    col('industry_code', 'text', '行业代码', 'Industry code'),
    col('size', 'text', '企业规模', 'Size'),
  ],
  projects: [
    col('code', 'text', '项目编号', 'Project code'),
    col('title', 'text', '项目名称', 'Project'),
    col('enterprise', 'text', '企业', 'Enterprise'),
    col('district', 'text', '区', 'District'),
    col('state', 'text', '状态', 'State'),
    col('investment_total', 'number', '总投资（万元）', 'Total investment (10k CNY)'),
    col('investment_5g', 'number', '5G 投资（万元）', '5G investment (10k CNY)'),
  ],
  factories: [
    col('name', 'text', '工厂名称', 'Factory'),
    col('enterprise', 'text', '企业', 'Enterprise'),
    col('district', 'text', '区', 'District'),
    col('level', 'text', '层级', 'Level'),
    col('national_list_year', 'number', '入选国家名单年份', 'National list year'),
    col('scenarios', 'number', '应用场景数', 'Scenarios'),
  ],
  private_networks: [
    col('name', 'text', '专网名称', 'Network'),
    col('enterprise', 'text', '企业', 'Enterprise'),
    col('operator', 'text', '运营商', 'Operator'),
    col('district', 'text', '区', 'District'),
    col('mode', 'text', '模式', 'Mode'),
    col('state', 'text', '状态', 'State'),
    col('in_service_on', 'date', '开通日期', 'In service on'),
  ],
  vulnerability_statistics: [
    col('month', 'text', '月份', 'Month'),
    col('severity', 'text', '严重程度', 'Severity'),
    col('findings', 'number', '发现数', 'Findings'),
    col('fixed', 'number', '已修复', 'Fixed'),
  ],
} as const satisfies Record<string, readonly DatasetColumn[]>;
export type DatasetQueryKey = keyof typeof DATASET_QUERIES;
export const DATASET_QUERY_KEYS = Object.keys(DATASET_QUERIES) as [DatasetQueryKey, ...DatasetQueryKey[]];

/** Templates of uploaded statistics tables; the upload is checked row by row against its columns. */
export const DATASET_UPLOAD_TEMPLATES = {
  industry_statistics: [
    col('period', 'text', '统计期', 'Period'),
    col('district_code', 'text', '区划代码', 'District code'),
    col('industry_code', 'text', '行业代码（GB/T 4754）', 'Industry code (GB/T 4754)'),
    col('industry_name', 'text', '行业名称', 'Industry'),
    col('enterprises', 'number', '企业数', 'Enterprises'),
    col('output_value', 'number', '工业总产值（万元）', 'Gross output (10k CNY)'),
    col('employees', 'number', '从业人员数', 'Employees'),
  ],
} as const satisfies Record<string, readonly DatasetColumn[]>;
export type DatasetUploadTemplate = keyof typeof DATASET_UPLOAD_TEMPLATES;
export const DATASET_UPLOAD_TEMPLATE_KEYS = Object.keys(DATASET_UPLOAD_TEMPLATES) as [DatasetUploadTemplate, ...DatasetUploadTemplate[]];

export const DatasetSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('query'), query: z.enum(DATASET_QUERY_KEYS) }).strict(),
  z.object({ kind: z.literal('upload'), template: z.enum(DATASET_UPLOAD_TEMPLATE_KEYS) }).strict(),
]);
export type DatasetSource = z.infer<typeof DatasetSourceSchema>;

/** The columns a source yields. */
export function columnsOfSource(source: DatasetSource): readonly DatasetColumn[] {
  return source.kind === 'query' ? DATASET_QUERIES[source.query] : DATASET_UPLOAD_TEMPLATES[source.template];
}

/** A dataset's code is also its CKAN name: lowercase letters, digits, `-` and `_`. */
export const DatasetCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{1,99}$/, { message: 'lowercase letters, digits, - and _ (2–100)' });

const text = (max: number) => z.string().trim().min(1).max(max);

const DatasetFieldsSchema = z.object({
  titleZh: text(200),
  titleEn: text(200),
  descriptionZh: text(4000),
  descriptionEn: text(4000),
  publisher: text(200),
  theme: DatasetThemeSchema,
  keywords: z.array(text(40)).max(20).default([]),
  licence: DatasetLicenceSchema,
  frequency: DatasetFrequencySchema,
  accessLevel: DatasetAccessLevelSchema,
  temporalStart: IsoDateSchema.nullable().default(null),
  temporalEnd: IsoDateSchema.nullable().default(null),
  spatial: text(200).default('广州市'),
});

const periodInOrder = (d: { temporalStart?: string | null; temporalEnd?: string | null }) =>
  !d.temporalStart || !d.temporalEnd || d.temporalEnd >= d.temporalStart;
const PERIOD_RULE = { path: ['temporalEnd'], message: 'the coverage ends after it starts', params: { rule: 'after_start' } };
/** Open data carries an open licence. */
const openLicence = (d: { accessLevel?: DatasetAccessLevel; licence?: DatasetLicence }) =>
  d.accessLevel !== 'public' || d.licence !== 'restricted';
const LICENCE_RULE = { path: ['licence'], message: 'a public dataset needs an open licence', params: { rule: 'open_licence' } };

export const CreateDatasetSchema = DatasetFieldsSchema.extend({ code: DatasetCodeSchema, source: DatasetSourceSchema })
  .strict()
  .refine(periodInOrder, PERIOD_RULE)
  .refine(openLicence, LICENCE_RULE);
export type CreateDataset = z.infer<typeof CreateDatasetSchema>;

export const UpdateDatasetSchema = DatasetFieldsSchema.partial()
  .extend({ version: z.number().int().min(1) })
  .strict()
  .refine(periodInOrder, PERIOD_RULE);
export type UpdateDataset = z.infer<typeof UpdateDatasetSchema>;

export const DistributionSchema = z.object({
  format: DistributionFormatSchema,
  mediaType: z.string(),
  byteSize: z.number().int(),
  /** SHA-256 of the file, hex. */
  checksum: z.string(),
  modifiedAt: z.string(),
  rowCount: z.number().int(),
});
export type Distribution = z.infer<typeof DistributionSchema>;

export const DatasetSchema = DatasetFieldsSchema.extend({
  id: z.uuid(),
  code: z.string(),
  source: DatasetSourceSchema,
  columns: z.array(z.object({ key: z.string(), type: z.enum(['text', 'number', 'date']), zh: z.string(), en: z.string() })),
  distributions: z.array(DistributionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Dataset = z.infer<typeof DatasetSchema>;

export const DatasetListQuerySchema = ListQuerySchema.extend({
  theme: DatasetThemeSchema.optional(),
  accessLevel: DatasetAccessLevelSchema.optional(),
});
export type DatasetListQuery = z.infer<typeof DatasetListQuerySchema>;

export const PublicDatasetListQuerySchema = ListQuerySchema.extend({ theme: DatasetThemeSchema.optional() });
export type PublicDatasetListQuery = z.infer<typeof PublicDatasetListQuerySchema>;

export const DatasetFormatParamsSchema = z.object({ id: z.uuid(), format: DistributionFormatSchema }).strict();
export const PublicDistributionParamsSchema = z.object({ code: DatasetCodeSchema, format: DistributionFormatSchema }).strict();

/** Rows of a dataset, filtered (`column` = `value`) and optionally grouped by a column with a sum of a number column. */
export const DatasetRowsQuerySchema = z
  .object({
    column: z.string().max(60).optional(),
    value: z.string().max(200).optional(),
    groupBy: z.string().max(60).optional(),
    measure: z.string().max(60).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type DatasetRowsQuery = z.infer<typeof DatasetRowsQuerySchema>;

export const DatasetCellSchema = z.union([z.string(), z.number(), z.null()]);
export const DatasetRowsSchema = z.object({
  columns: DatasetSchema.shape.columns,
  rows: z.array(z.record(z.string(), DatasetCellSchema)),
  /** Rows matching the filter (the answer holds at most `limit`). */
  total: z.number().int(),
  /** With `groupBy`: one line per value, with the row count and the sum of `measure`. */
  groups: z.array(z.object({ key: z.string(), count: z.number().int(), sum: z.number().nullable() })).nullable(),
});
export type DatasetRows = z.infer<typeof DatasetRowsSchema>;

/** The answer to an uploaded statistics table: stored only when every row passed. */
export const DatasetUploadResultSchema = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  stored: z.boolean(),
  rejected: z.array(ImportRejectionSchema),
});
export type DatasetUploadResult = z.infer<typeof DatasetUploadResultSchema>;

/** A public dataset as the portal lists it. */
export const PublicDatasetSchema = DatasetSchema.omit({ source: true, version: true });
export type PublicDataset = z.infer<typeof PublicDatasetSchema>;

/** A CKAN resource (one distribution) with CKAN's field names. */
export const CkanResourceSchema = z.object({
  id: z.string(),
  package_id: z.string(),
  name: z.string(),
  description: z.string(),
  format: z.string(),
  mimetype: z.string(),
  url: z.string(),
  size: z.number().int(),
  hash: z.string(),
  created: z.string(),
  last_modified: z.string(),
  position: z.number().int(),
  state: z.literal('active'),
  url_type: z.null(),
  resource_type: z.null(),
});

/** A CKAN package (dataset) with CKAN's field names. */
export const CkanPackageSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  notes: z.string(),
  type: z.literal('dataset'),
  state: z.literal('active'),
  private: z.literal(false),
  isopen: z.boolean(),
  url: z.string(),
  version: z.null(),
  author: z.string(),
  maintainer: z.string(),
  license_id: z.string(),
  license_title: z.string(),
  license_url: z.string(),
  metadata_created: z.string(),
  metadata_modified: z.string(),
  organization: z.object({
    id: z.string(),
    name: z.string(),
    title: z.string(),
    type: z.literal('organization'),
    is_organization: z.literal(true),
  }),
  tags: z.array(z.object({ name: z.string(), display_name: z.string(), state: z.literal('active'), vocabulary_id: z.null() })),
  num_tags: z.number().int(),
  groups: z.array(z.object({ name: z.string(), title: z.string() })),
  extras: z.array(z.object({ key: z.string(), value: z.string() })),
  resources: z.array(CkanResourceSchema),
  num_resources: z.number().int(),
});
export type CkanPackage = z.infer<typeof CkanPackageSchema>;
export type CkanResource = z.infer<typeof CkanResourceSchema>;

/** CKAN's Action API envelope. */
export function ckanEnvelope<T extends z.ZodType>(result: T) {
  return z.object({ help: z.string(), success: z.literal(true), result });
}

export const CkanPackageListQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(1000).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) })
  .strict();
export const CkanPackageShowQuerySchema = z.object({ id: z.string().trim().min(1).max(100) }).strict();
export const CkanPackageSearchQuerySchema = z
  .object({
    q: z.string().max(200).optional(),
    rows: z.coerce.number().int().min(0).max(1000).default(10),
    start: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type CkanPackageSearchQuery = z.infer<typeof CkanPackageSearchQuerySchema>;

export const CkanSearchResultSchema = z.object({
  count: z.number().int(),
  sort: z.string(),
  facets: z.object({}),
  search_facets: z.object({}),
  results: z.array(CkanPackageSchema),
});
