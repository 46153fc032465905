/** Shared shapes of the pure vulnerability-matching engine (issue #5 items 2 and 4). */

/** One piece of a parsed version: a number, a word (letters), or a service-pack / update marker. */
export type VersionToken =
  | { kind: 'num'; value: number; text: string }
  | { kind: 'word'; value: string }
  | { kind: 'sp'; value: number }
  | { kind: 'update'; value: number }
  | { kind: 'build'; value: number };

/** A version as written (raw) and as understood; `ok: false` carries why it could not be read. */
export interface ParsedVersion {
  raw: string;
  tokens: VersionToken[];
  ok: boolean;
  /** Why `ok` is false. */
  reason?: string;
}

export type Comparison = -1 | 0 | 1;

/** Where a version-range string came from; decides how it is read. */
export type RangeOrigin = 'csaf_vers' | 'csaf_name' | 'cve' | 'text';

export type ConstraintOp = '<' | '<=' | '>' | '>=' | '=' | '!=';

export interface VersionConstraint {
  op: ConstraintOp;
  /** The bound as written (e.g. `V3.2_SP2`). */
  version: string;
}

/**
 * What a range means: `all` (every version), `any_of` (a union of conjunctions of constraints),
 * or `unknown` (we could not read it: matches with it go to review, never silently dropped).
 */
export interface VersionRange {
  raw: string;
  origin: RangeOrigin;
  kind: 'all' | 'any_of' | 'unknown';
  /** OR over the outer array, AND inside each inner array. */
  anyOf: VersionConstraint[][];
  /** `vers:` scheme or CVE `versionType` when given. */
  scheme?: string;
  /** Why a range is `unknown`, or a note about how it was read. */
  note?: string;
}

/** A CVE JSON 5.x `affected[].versions[]` item. */
export interface CveVersionEntry {
  version: string;
  status?: string;
  lessThan?: string;
  lessThanOrEqual?: string;
  versionType?: string;
}

export type RangeVerdict = 'affected' | 'not_affected' | 'needs_review';

/** `affected` here means "the version lies in the range". */
export interface RangeCheck {
  result: RangeVerdict;
  reason: string;
}

/** How a model pattern matched, or null when it did not. */
export type ModelMatchKind = 'exact' | 'pattern';

/** One alias row analysts edit: every name in `names` means the vendor `canonical`. */
export interface VendorAlias {
  canonical: string;
  names: string[];
}

/** Lookup built once from the alias rows (normalised name → canonical vendor). */
export interface AliasIndex {
  byKey: Map<string, { canonical: string; key: string }>;
  /** Canonical key → every name of that vendor (canonical and aliases). */
  namesOf?: Map<string, string[]>;
}

export interface NormalisedVendor {
  /** Comparison key of the canonical vendor (lower case, legal suffixes removed). */
  key: string;
  /** Canonical display name (from the alias table, else the cleaned input). */
  canonical: string;
  /** The alias name that matched, when the table was used. */
  via?: string;
}

/** CSAF product status categories plus the CVE ones mapped onto them. */
export type ProductStatus =
  | 'first_affected'
  | 'known_affected'
  | 'last_affected'
  | 'first_fixed'
  | 'fixed'
  | 'known_not_affected'
  | 'recommended'
  | 'under_investigation';

/** One (vulnerability × product) fact from an advisory or CVE record. */
export interface AffectedEntry {
  source: 'csaf' | 'cve';
  /** CSAF tracking id (e.g. `ICSA-23-348-10`) or the CVE id of a CVE record. */
  advisoryId: string;
  /** CVE id, else the advisory's own id (or vulnerability ids[0]). */
  vulnerabilityId: string;
  /** CSAF product_id, or `affected[i]/versions[j]` for CVE records. */
  productId: string;
  vendor: string;
  /** Product as a person would name it (family + name, e.g. `P3 D24M`). */
  product: string;
  /** Further names the product goes by (the name without its family, the firmware component). */
  productNames: string[];
  /** The full product name as the source writes it (CSAF `full_product_name.name`). */
  fullName: string;
  /** Model numbers / SKUs / order numbers (订货号), including patterns like `BND-2051W000-**`. */
  models: string[];
  cpes: string[];
  versionRaw: string;
  range: VersionRange;
  status: ProductStatus;
  /** For CSAF `installed_on`-style relationships: the platform product the component sits on. */
  platform?: string;
  /** Versions the advisory's `vendor_fix` remediations name for this product (`Update to version 1.5`). */
  fixedIn?: string[];
}

export type CvssVersion = '2.0' | '3.0' | '3.1' | '4.0';

/** A score as stated in an advisory for some of its products. */
export interface StatedScore {
  vulnerabilityId: string;
  productIds: string[];
  version: CvssVersion;
  vector: string;
  baseScore?: number;
  baseSeverity?: string;
}

export interface ExtractedVulnerability {
  id: string;
  cve?: string;
  title?: string;
  cwe?: string;
}

export interface Extraction {
  advisoryId: string;
  vulnerabilities: ExtractedVulnerability[];
  entries: AffectedEntry[];
  scores: StatedScore[];
  /** Things that were skipped or odd (unknown product ids, empty names), for the import report. */
  warnings: string[];
}

export type Severity = 'none' | 'low' | 'medium' | 'high' | 'critical';

export interface CvssScore {
  ok: true;
  version: CvssVersion;
  vector: string;
  baseScore: number;
  /** The score of everything in the vector (temporal / threat / environmental metrics applied). */
  overallScore: number;
  severity: Severity;
}

export interface CvssError {
  ok: false;
  vector: string;
  error: string;
}

/** 超危 / 高危 / 中危 / 低危. */
export type Grade = 'critical' | 'high' | 'medium' | 'low';

export interface Asset {
  id: string;
  vendor: string;
  product: string;
  model?: string | null;
  version?: string | null;
}

export type MatchVerdict = 'affected' | 'needs_review' | 'not_affected';

export interface MatchReason {
  kind: 'vendor' | 'product' | 'model' | 'version' | 'status' | 'conflict';
  /** One English sentence, e.g. `vendor "西门子" = "Siemens" via alias "西门子"`, for logs and API clients. */
  text: string;
  score?: number;
  /** The same as a code with parameters (`matching.*`), which the console words (#12 item 3). */
  reason?: { code: string; params: Record<string, string | number | null> };
}

export interface EntryMatch {
  entry: AffectedEntry;
  verdict: MatchVerdict;
  reasons: MatchReason[];
}

/** The outcome for one (asset, vulnerability): the deciding verdict and every entry that spoke. */
export interface AssetMatch {
  assetId: string;
  vulnerabilityId: string;
  verdict: MatchVerdict;
  reasons: MatchReason[];
  evidence: EntryMatch[];
}

/**
 * One product-name row analysts edit: for `vendor` (any vendor when absent), every name in `names`
 * means the product `canonical` (`S7-1500 MFP` = `SIMATIC S7-1500 CPU 1518-4 PN/DP MFP`).
 */
export interface ProductAlias {
  vendor?: string;
  canonical: string;
  names: string[];
}

/** Lookup built once from product alias rows: `vendorKey \0 normalised name` → normalised canonical. */
export interface ProductAliasIndex {
  byKey: Map<string, string>;
}

export interface MatchOptions {
  aliases?: AliasIndex;
  productAliases?: ProductAliasIndex;
  /** Product similarity (0..1) at or above which products are the same; default 0.85. */
  productThreshold?: number;
  /** Similarities in [threshold, threshold + reviewBand) match only as needs_review; default 0.07. */
  reviewBand?: number;
  /**
   * Vendor names the alias table does not know reach a vendor at this token similarity (the first
   * words of a vendor's name score 0.9) — always for review only; default 0.9.
   */
  vendorThreshold?: number;
  /** Also return matches whose verdict is not_affected (fixed / known_not_affected); default false. */
  includeNotAffected?: boolean;
}
