/**
 * Pure vulnerability-matching engine (issue #5 items 2 and 4): versions and version ranges as
 * vendors write them, model numbers (订货号) and their patterns, vendor aliases and product
 * similarity, CSAF 2.0 / CVE JSON 5 extraction, the asset matcher with its reasons, and CVSS
 * scoring. No database, no HTTP: the vulnerabilities service wires these to tables and routes.
 */

export { CSAF_PRODUCT_STATUSES, csafProducts, currentRange, extractCsafAffected } from './csaf-extract.js';
export { extractCveAffected } from './cve-extract.js';
export { csafFixStatements, csafVulnerabilityId, type FixStatement, fixVersionsIn, withFixes } from './fixes.js';
export { isReleaseLine, onVersionLine, versionLineOf } from './lines.js';
export { matchAsset } from './match.js';
export {
  createMatchIndex,
  DEFAULT_PRODUCT_THRESHOLD,
  DEFAULT_REVIEW_BAND,
  type MatchIndex,
  productShortlist,
  VENDOR_FUZZY_THRESHOLD,
} from './match-index.js';
export { isModelPattern, matchModel, modelsInName, modelsOfProductName, normaliseModel } from './models.js';
export {
  canonicalProduct,
  codeRelation,
  compareProducts,
  createAliasIndex,
  createProductAliasIndex,
  jaroWinkler,
  normaliseProduct,
  normaliseVendor,
  productSimilarity,
  productTokens,
  tokenDice,
  vendorKey,
  vendorNames,
} from './names.js';
export { describeRange, parseAffectedVersions, rangeContains } from './ranges.js';
export { cvssVersionOf, grade, scoreDisagrees, scoreVector, severityOf } from './scoring.js';
export type * from './types.js';
export { compareVersions, parseVersion } from './versions.js';
