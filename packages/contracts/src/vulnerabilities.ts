import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema } from './common.js';
import { RefusalReasonSchema } from './errors.js';

/**
 * The industrial vulnerability database and its closed loop (issue #5, requirement G-3):
 * advisories (CSAF 2.0, CVE JSON 5.x, analyst-entered CNVD records), vulnerabilities deduplicated
 * by CVE id, assets per enterprise, matches with reasons, findings with a lifecycle and SLA, scan
 * reconciliation, early-warning notices (预警通报) and statistics.
 */

/** 超危 / 高危 / 中危 / 低危 by base score ≥ 9.0 / 7.0–8.9 / 4.0–6.9 / < 4.0. */
export const VULN_GRADES = ['critical', 'high', 'medium', 'low'] as const;
export type VulnGrade = (typeof VULN_GRADES)[number];
export const ADVISORY_SOURCES = ['csaf', 'cve', 'manual'] as const;
export const NETWORK_ZONES = ['IT', 'OT', 'DMZ'] as const;
export const ASSET_CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export const MATCH_VERDICTS = ['affected', 'needs_review', 'not_affected'] as const;

/** Largest CSAF or CVE JSON document accepted (bytes). */
export const MAX_ADVISORY_BYTES = 8 * 1024 * 1024;
/**
 * Files one CSAF directory import may hold by default (the whole cisagov/CSAF OT corpus is about
 * 2,400); the server's CSAF_DIRECTORY_MAX_FILES setting may change it.
 */
export const MAX_CSAF_DIRECTORY_FILES = 5000;
/** Total size of one CSAF directory import by default, in MiB (setting CSAF_DIRECTORY_MAX_MB). */
export const MAX_CSAF_DIRECTORY_MB = 512;

/** Finding states (glossary: 新发现 / 已确认 / 误报 / 不受影响 / 修复中 / 已修复待复验 / 复验关闭 / 风险接受 / 重新打开). */
export const FINDING_STATES = [
  'new',
  'confirmed',
  'false_positive',
  'not_affected',
  'remediating',
  'fixed_awaiting_verification',
  'verified_closed',
  'risk_accepted',
  'reopened',
] as const;
export type FindingState = (typeof FINDING_STATES)[number];
/** States in which a finding still needs work (counted as open, subject to the SLA). */
export const OPEN_FINDING_STATES = ['new', 'confirmed', 'remediating', 'fixed_awaiting_verification', 'reopened'] as const;

export const FINDING_ACTIONS = [
  'confirm',
  'mark_false_positive',
  'mark_not_affected',
  'start_remediation',
  'mark_fixed',
  'verify',
  'reject_fix',
  'accept_risk',
  'reopen',
] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

/** CSAF 2.0 `flags[].label` values: the VEX justifications for "not affected". */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'vulnerable_code_not_in_execute_path',
  'inline_mitigations_already_exist',
] as const;

/** Days to remediate by grade when nobody configured otherwise. */
export const DEFAULT_SLA_DAYS: Record<VulnGrade, number> = { critical: 7, high: 30, medium: 90, low: 120 };

const isoDate = IsoDateSchema;
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// ---------------------------------------------------------------- advisories and vulnerabilities

export const AdvisorySchema = z.object({
  id: z.uuid(),
  source: z.enum(ADVISORY_SOURCES),
  trackingId: z.string().describe('CSAF tracking id, CVE id of a CVE record, or the CNVD id of a manual record'),
  trackingVersion: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  initialReleaseAt: z.string().nullable(),
  currentReleaseAt: z.string().nullable(),
  vulnerabilityCount: z.number().int(),
  entryCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Advisory = z.infer<typeof AdvisorySchema>;

export const AdvisoryDetailSchema = AdvisorySchema.extend({
  revisionHistory: z.array(z.object({ number: z.string(), date: z.string(), summary: z.string() })),
  /** Every version imported here, newest first. */
  importedVersions: z.array(
    z.object({
      trackingVersion: z.string(),
      currentReleaseAt: z.string().nullable(),
      importedAt: z.string(),
      summary: z.string().nullable(),
    }),
  ),
  warnings: z.array(z.string()),
  vulnerabilities: z.array(z.object({ id: z.uuid(), key: z.string(), title: z.string(), grade: z.enum(VULN_GRADES).nullable() })),
});
export type AdvisoryDetail = z.infer<typeof AdvisoryDetailSchema>;

export const AdvisoryListQuerySchema = ListQuerySchema.extend({ source: z.enum(ADVISORY_SOURCES).optional() }).strict();
export type AdvisoryListQuery = z.infer<typeof AdvisoryListQuerySchema>;

/** What importing one document did. */
export const AdvisoryImportOutcomeSchema = z.object({
  advisoryId: z.uuid(),
  trackingId: z.string(),
  trackingVersion: z.string(),
  outcome: z.enum(['created', 'updated', 'skipped']).describe('skipped: the same or an older version is already imported'),
  vulnerabilities: z.number().int(),
  entries: z.number().int(),
  warnings: z.array(z.string()),
  matches: z.object({ affected: z.number().int(), needsReview: z.number().int() }),
});
export type AdvisoryImportOutcome = z.infer<typeof AdvisoryImportOutcomeSchema>;

/** `result` of a `vulnerabilities.csaf_directory` job: one line per file. */
export const DirectoryImportResultSchema = z.object({
  files: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.array(
    z.object({
      file: z.string(),
      /** Why, as a code with parameters (advisory.csaf_invalid, advisory.file_not_json …) the console words. */
      reason: RefusalReasonSchema,
      /** The validator's (or parser's) messages, in English as the tools write them. */
      messages: z.array(z.string()),
    }),
  ),
});
export type DirectoryImportResult = z.infer<typeof DirectoryImportResultSchema>;

export const VulnScoreSchema = z.object({
  advisoryId: z.uuid(),
  source: z.enum(ADVISORY_SOURCES),
  cvssVersion: z.string(),
  vector: z.string(),
  statedScore: z.number().nullable(),
  computedScore: z.number().nullable(),
  grade: z.enum(VULN_GRADES).nullable(),
  disagrees: z.boolean().describe('the stated base score differs from the score recomputed from the vector'),
  error: z.string().nullable(),
});

export const VulnProductEntrySchema = z.object({
  id: z.uuid(),
  advisoryId: z.uuid(),
  source: z.enum(ADVISORY_SOURCES),
  productId: z.string(),
  vendor: z.string(),
  product: z.string(),
  models: z.array(z.string()),
  versionRaw: z.string().describe('the affected versions exactly as the source wrote them'),
  status: z.string().describe('CSAF product status (known_affected, fixed, known_not_affected …)'),
});

export const VulnerabilitySchema = z.object({
  id: z.uuid(),
  key: z.string().describe('CVE id, else CNVD id, else the advisory’s own id'),
  cve: z.string().nullable(),
  cnvd: z.string().nullable(),
  title: z.string(),
  titleZh: z.string().nullable(),
  cwe: z.string().nullable(),
  baseScore: z.number().nullable(),
  grade: z.enum(VULN_GRADES).nullable(),
  scoreDisagrees: z.boolean(),
  sources: z.array(z.enum(ADVISORY_SOURCES)),
  publishedAt: z.string().nullable(),
  affectedAssets: z.number().int(),
  updatedAt: z.string(),
});
export type Vulnerability = z.infer<typeof VulnerabilitySchema>;

export const VulnerabilityDetailSchema = VulnerabilitySchema.extend({
  description: z.string().nullable(),
  details: z.record(z.string(), z.string()),
  scores: z.array(VulnScoreSchema),
  advisories: z.array(z.object({ id: z.uuid(), source: z.enum(ADVISORY_SOURCES), trackingId: z.string(), title: z.string() })),
  entries: z.array(VulnProductEntrySchema),
});
export type VulnerabilityDetail = z.infer<typeof VulnerabilityDetailSchema>;

export const VulnerabilityListQuerySchema = ListQuerySchema.extend({
  grade: z.enum(VULN_GRADES).optional(),
  source: z.enum(ADVISORY_SOURCES).optional(),
  disagrees: z.enum(['true', 'false']).optional(),
}).strict();
export type VulnerabilityListQuery = z.infer<typeof VulnerabilityListQuerySchema>;

/** CNVD-2024-12345 (国家信息安全漏洞共享平台) or CICSVD-2024-12345 (国家工业信息安全漏洞库). */
export const CNVD_ID = /^(CNVD|CICSVD)-\d{4}-\d{5}$/;

export const ManualProductSchema = z
  .object({
    vendor: text(200),
    product: text(300),
    models: z.array(text(100)).max(100).default([]),
    versions: text(500).describe('affected versions as written, e.g. "<V3.2_SP2", "8.1.1.3 and prior", "All versions"'),
    status: z.enum(['known_affected', 'fixed', 'known_not_affected']).default('known_affected'),
  })
  .strict();

/** A CNVD / CICSVD-style record an analyst enters by hand (Chinese fields). */
export const ManualVulnerabilityInputSchema = z
  .object({
    id: z.string().trim().regex(CNVD_ID, 'CNVD-YYYY-NNNNN or CICSVD-YYYY-NNNNN'),
    cve: z
      .string()
      .trim()
      .regex(/^CVE-\d{4}-\d{4,}$/, 'CVE-YYYY-NNNN')
      .nullable()
      .optional(),
    titleZh: text(300).describe('漏洞名称'),
    descriptionZh: text(8000).describe('漏洞描述'),
    solutionZh: optionalText(8000).describe('解决方案 / 厂商补丁'),
    cvssVector: z.string().trim().max(300).nullable().optional().describe('CVSS 3.x or 4.0 vector; the score is recomputed'),
    grade: z.enum(VULN_GRADES).nullable().optional().describe('危害级别 as published, used when there is no vector'),
    publishedAt: isoDate.describe('公开日期'),
    products: z.array(ManualProductSchema).min(1).max(200).describe('影响产品'),
  })
  .strict();
export type ManualVulnerabilityInput = z.infer<typeof ManualVulnerabilityInputSchema>;
/** The path of a manual record: its CNVD / CICSVD id. */
export const ManualRecordParamsSchema = z.object({ id: ManualVulnerabilityInputSchema.shape.id }).strict();

export const CsafImportQuerySchema = z.object({}).strict();

// ---------------------------------------------------------------- vendor aliases

export const VendorAliasInputSchema = z
  .object({
    canonical: text(200),
    names: z.array(text(200)).min(1).max(100).describe('every other name of the vendor, e.g. ["Siemens AG", "西门子"]'),
  })
  .strict();
export type VendorAliasInput = z.infer<typeof VendorAliasInputSchema>;
export const UpdateVendorAliasSchema = VendorAliasInputSchema.extend({ version: z.number().int() }).strict();
export type UpdateVendorAlias = z.infer<typeof UpdateVendorAliasSchema>;
export const VendorAliasSchema = z.object({
  id: z.uuid(),
  canonical: z.string(),
  names: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type VendorAlias = z.infer<typeof VendorAliasSchema>;

// ---------------------------------------------------------------- assets

const assetFields = {
  name: optionalText(200),
  vendor: text(200).describe('厂商'),
  product: text(300).describe('产品'),
  model: optionalText(100).describe('订货号 / model number, e.g. 6ES7518-4AX00-1AB0'),
  firmwareVersion: optionalText(100).describe('firmware or software version as written, e.g. V2.9.4'),
  serial: optionalText(100),
  host: optionalText(255).describe('host name or IP address; scan results find the asset by it'),
  site: optionalText(200),
  zone: z.enum(NETWORK_ZONES),
  criticality: z.enum(ASSET_CRITICALITIES),
  owner: optionalText(100),
};

export const AssetInputSchema = z
  .object({
    enterpriseId: z.uuid().optional().describe('required for city and district users; enterprise users add their own'),
    ...assetFields,
  })
  .strict();
export type AssetInput = z.infer<typeof AssetInputSchema>;
export const UpdateAssetSchema = z.object({ version: z.number().int(), ...z.object(assetFields).partial().shape }).strict();
export type UpdateAsset = z.infer<typeof UpdateAssetSchema>;

export const AssetSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtId: z.uuid().nullable(),
  name: z.string().nullable(),
  vendor: z.string(),
  product: z.string(),
  model: z.string().nullable(),
  firmwareVersion: z.string().nullable(),
  serial: z.string().nullable(),
  host: z.string().nullable(),
  site: z.string().nullable(),
  zone: z.enum(NETWORK_ZONES),
  criticality: z.enum(ASSET_CRITICALITIES),
  owner: z.string().nullable(),
  openFindings: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Asset = z.infer<typeof AssetSchema>;

export const AssetListQuerySchema = ListQuerySchema.extend({
  enterpriseId: z.uuid().optional(),
  districtId: z.uuid().optional(),
  zone: z.enum(NETWORK_ZONES).optional(),
  criticality: z.enum(ASSET_CRITICALITIES).optional(),
}).strict();
export type AssetListQuery = z.infer<typeof AssetListQuerySchema>;
export const AssetExportQuerySchema = AssetListQuerySchema.omit({ page: true, pageSize: true });
export type AssetExportQuery = z.infer<typeof AssetExportQuerySchema>;

// ---------------------------------------------------------------- matches

/** `text` is the matcher's English sentence (logs, API clients); `reason` the same as a code the console words (#12 item 3). */
export const MatchReasonSchema = z.object({
  kind: z.string(),
  text: z.string(),
  score: z.number().optional(),
  reason: RefusalReasonSchema.optional(),
});

export const MatchSchema = z.object({
  id: z.uuid(),
  assetId: z.uuid(),
  asset: z.object({ vendor: z.string(), product: z.string(), model: z.string().nullable(), firmwareVersion: z.string().nullable() }),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  vulnerabilityId: z.uuid(),
  vulnerabilityKey: z.string(),
  vulnerabilityTitle: z.string(),
  grade: z.enum(VULN_GRADES).nullable(),
  verdict: z.enum(MATCH_VERDICTS).describe('the matcher’s verdict; needs_review when a version or name could not be decided'),
  reasons: z.array(MatchReasonSchema),
  reviewVerdict: z.enum(['affected', 'not_affected']).nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  matchedAt: z.string(),
});
export type Match = z.infer<typeof MatchSchema>;

export const MatchListQuerySchema = ListQuerySchema.extend({
  verdict: z.enum(MATCH_VERDICTS).optional(),
  reviewed: z.enum(['true', 'false']).optional(),
  vulnerabilityId: z.uuid().optional(),
  assetId: z.uuid().optional(),
}).strict();
export type MatchListQuery = z.infer<typeof MatchListQuerySchema>;

export const MatchReviewSchema = z.object({ verdict: z.enum(['affected', 'not_affected']), note: optionalText(2000) }).strict();
export type MatchReview = z.infer<typeof MatchReviewSchema>;

/** `result` of a `vulnerabilities.rematch` job. */
export const RematchResultSchema = z.object({
  assets: z.number().int(),
  affected: z.number().int(),
  needsReview: z.number().int(),
  findingsCreated: z.number().int(),
  findingsReopened: z.number().int(),
});
export type RematchResult = z.infer<typeof RematchResultSchema>;

// ---------------------------------------------------------------- findings

export const FindingSchema = z.object({
  id: z.uuid(),
  assetId: z.uuid(),
  asset: z.object({
    vendor: z.string(),
    product: z.string(),
    model: z.string().nullable(),
    firmwareVersion: z.string().nullable(),
    host: z.string().nullable(),
  }),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtId: z.uuid().nullable(),
  vulnerabilityId: z.uuid(),
  vulnerabilityKey: z.string(),
  vulnerabilityTitle: z.string(),
  state: z.enum(FINDING_STATES),
  grade: z.enum(VULN_GRADES),
  origin: z.enum(['match', 'scan']),
  vexJustification: z.string().nullable(),
  plan: z.string().nullable(),
  remediationOwner: z.string().nullable(),
  remediationDue: z.string().nullable(),
  slaDueAt: z.string(),
  overdue: z.boolean(),
  fixedById: z.uuid().nullable(),
  verifiedById: z.uuid().nullable(),
  riskApproverId: z.uuid().nullable(),
  riskAcceptedUntil: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const FindingEventSchema = z.object({
  fromState: z.string().nullable(),
  toState: z.string(),
  action: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});
/** One remediation of an advisory (CSAF `vulnerabilities[].remediations`), as written there. */
export const FindingRemediationSchema = z.object({
  category: z.string().describe('CSAF remediation category: vendor_fix, workaround, mitigation …'),
  details: z.string(),
  url: z.string().nullable(),
  advisory: z.string().describe('the advisory tracking id it comes from'),
});
export type FindingRemediation = z.infer<typeof FindingRemediationSchema>;

/** What the enterprise should do about a finding (#12 item 7): the vulnerability, the advisories' remediations, the notices it received. */
export const FindingGuidanceSchema = z.object({
  description: z.string().nullable(),
  baseScore: z.number().nullable(),
  /** Manual records: the analyst's 解决方案 text, when written. */
  solution: z.string().nullable(),
  remediations: z.array(FindingRemediationSchema),
  notices: z.array(z.object({ id: z.uuid(), title: z.string(), publishedAt: z.string().nullable() })),
});
export type FindingGuidance = z.infer<typeof FindingGuidanceSchema>;

export const FindingDetailSchema = FindingSchema.extend({
  events: z.array(FindingEventSchema),
  reasons: z.array(MatchReasonSchema),
  guidance: FindingGuidanceSchema,
});
export type FindingDetail = z.infer<typeof FindingDetailSchema>;

export const FindingListQuerySchema = ListQuerySchema.extend({
  state: z.enum(FINDING_STATES).optional(),
  open: z.enum(['true', 'false']).optional().describe('only findings that still need work'),
  grade: z.enum(VULN_GRADES).optional(),
  enterpriseId: z.uuid().optional(),
  districtId: z.uuid().optional(),
  vulnerabilityId: z.uuid().optional(),
  assetId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
}).strict();
export type FindingListQuery = z.infer<typeof FindingListQuerySchema>;

/** One step of the lifecycle; the fields each action needs are checked by the server. */
export const FindingTransitionSchema = z
  .object({
    version: z.number().int(),
    action: z.enum(FINDING_ACTIONS),
    note: optionalText(4000),
    vexJustification: z.enum(VEX_JUSTIFICATIONS).optional().describe('mark_not_affected: why (CSAF flags)'),
    plan: optionalText(4000).describe('start_remediation: what will be done'),
    remediationOwner: optionalText(100).describe('start_remediation: who does it'),
    remediationDue: isoDate.optional().describe('start_remediation: by when'),
    riskAcceptedUntil: isoDate.optional().describe('accept_risk: when the acceptance expires'),
  })
  .strict();
export type FindingTransition = z.infer<typeof FindingTransitionSchema>;

export const SlaPolicySchema = z
  .object({
    critical: z.number().int().min(1).max(3650),
    high: z.number().int().min(1).max(3650),
    medium: z.number().int().min(1).max(3650),
    low: z.number().int().min(1).max(3650),
  })
  .strict();
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

/** What one run of the SLA sweep did: overdue findings escalated, expired risk acceptances reopened. */
export const SlaSweepResultSchema = z.object({ escalated: z.number().int(), reopened: z.number().int() });

// ---------------------------------------------------------------- scans

/**
 * The JSON scan format: `{ "scanner": "…", "scannedAt": "…", "results": [{ "host": "10.0.0.5",
 * "vendor": "Siemens", "product": "SIMATIC S7-1500", "version": "V2.9.4", "model": "6ES7…" }] }`.
 * The CSV has the columns host, vendor, product, version (model optional).
 */
export const ScanJsonSchema = z.object({
  scanner: z.string().max(200).optional(),
  scannedAt: z.string().max(40).optional(),
  results: z
    .array(
      z.object({
        host: text(255),
        vendor: text(200),
        product: text(300),
        version: z.string().trim().max(100).optional(),
        model: z.string().trim().max(100).optional(),
      }),
    )
    .max(100_000),
});
export type ScanJson = z.infer<typeof ScanJsonSchema>;

export const ScanImportQuerySchema = z
  .object({
    enterpriseId: z.uuid().optional().describe('required for city and district users'),
    name: text(200).describe('the scan scope: re-imports under one name reconcile against each other'),
  })
  .strict();
export type ScanImportQuery = z.infer<typeof ScanImportQuerySchema>;
export const ScanListQuerySchema = ListQuerySchema.pick({ page: true, pageSize: true });

export const ScanCountsSchema = z.object({
  new: z.number().int(),
  unchanged: z.number().int(),
  closed: z.number().int().describe('open findings of this scan scope the scan no longer saw'),
  reactivated: z.number().int().describe('closed findings the scan saw again (reopened)'),
});
export const ScanSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  name: z.string(),
  format: z.enum(['csv', 'json']),
  fileName: z.string(),
  rows: z.number().int(),
  assetsCreated: z.number().int(),
  counts: ScanCountsSchema,
  createdAt: z.string(),
});
export type Scan = z.infer<typeof ScanSchema>;

// ---------------------------------------------------------------- notices

const noticeFields = {
  title: text(300),
  grade: z.enum(VULN_GRADES),
  summary: text(8000),
  affectedScope: text(4000).describe('影响范围 as written for readers'),
  mitigations: text(8000).describe('处置建议'),
  responseDeadline: isoDate.describe('反馈截止日期'),
  vulnerabilityIds: z.array(z.uuid()).min(1).max(100),
};
export const NoticeInputSchema = z.object(noticeFields).strict();
export type NoticeInput = z.infer<typeof NoticeInputSchema>;
export const UpdateNoticeSchema = z.object({ version: z.number().int(), ...z.object(noticeFields).partial().shape }).strict();
export type UpdateNotice = z.infer<typeof UpdateNoticeSchema>;

export const NoticeRecipientSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtId: z.uuid().nullable(),
  assetCount: z.number().int(),
  acknowledgedAt: z.string().nullable(),
  responseStatus: z.enum(['mitigated', 'in_progress', 'not_applicable']).nullable(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
});
export type NoticeRecipient = z.infer<typeof NoticeRecipientSchema>;

export const NoticeSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  ...z.object(noticeFields).required().shape,
  vulnerabilities: z.array(z.object({ id: z.uuid(), key: z.string(), title: z.string(), grade: z.enum(VULN_GRADES).nullable() })),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  recipients: z
    .array(NoticeRecipientSchema)
    .describe('published: the enterprises it went to; draft: the enterprises the matches say are affected'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const NoticeListQuerySchema = ListQuerySchema.extend({ status: z.enum(['draft', 'published']).optional() }).strict();
export type NoticeListQuery = z.infer<typeof NoticeListQuerySchema>;

/** Publishing names the draft's version (a stale one is refused). */
export const NoticePublishSchema = z.object({ version: z.number().int() }).strict();
export const NoticeDocumentQuerySchema = z.object({ format: z.enum(['html', 'pdf']).default('html') }).strict();

export const NoticeResponseSchema = z
  .object({ responseStatus: z.enum(['mitigated', 'in_progress', 'not_applicable']), response: text(4000) })
  .strict();
export type NoticeResponse = z.infer<typeof NoticeResponseSchema>;

// ---------------------------------------------------------------- statistics

const CountRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const VulnStatsSchema = z.object({
  openByGrade: z.array(CountRow),
  openByDistrict: z.array(CountRow.extend({ critical: z.number().int(), high: z.number().int() })),
  openByIndustry: z.array(CountRow),
  openByVendor: z.array(CountRow),
  /** Days from detection to verified closure, over findings closed in the window. */
  meanTimeToRemediateDays: z.number().nullable(),
  /** Share of findings closed within their SLA, and of open findings not yet overdue. */
  slaCompliance: z.object({ closedWithinSla: z.number().nullable(), openNotOverdue: z.number().nullable(), overdue: z.number().int() }),
  monthly: z.array(z.object({ month: z.string(), detected: z.number().int(), closed: z.number().int() })),
  mostExposedProducts: z.array(
    z.object({ vendor: z.string(), product: z.string(), assets: z.number().int(), openFindings: z.number().int() }),
  ),
  /** Per district for the map: division code, open findings, affected enterprises and assets. */
  exposureByDistrict: z.array(
    z.object({
      districtId: z.uuid(),
      divisionCode: z.string().nullable(),
      name: z.string(),
      openFindings: z.number().int(),
      enterprises: z.number().int(),
      assets: z.number().int(),
    }),
  ),
});
export type VulnStats = z.infer<typeof VulnStatsSchema>;
export const VulnStatsQuerySchema = z.object({ months: z.coerce.number().int().min(1).max(36).default(12) }).strict();
export type VulnStatsQuery = z.infer<typeof VulnStatsQuerySchema>;
