import { indexFor, type MatchIndex, type ProductGroup, round, type VendorBucket, vendorBuckets } from './match-index.js';
import { matchModel, normaliseModel } from './models.js';
import { normaliseProduct, productSimilarity } from './names.js';
import { rangeContains } from './ranges.js';
import type {
  AffectedEntry,
  Asset,
  AssetMatch,
  EntryMatch,
  MatchOptions,
  MatchReason,
  MatchVerdict,
  ProductStatus,
  RangeCheck,
} from './types.js';

const AFFECTED: ReadonlySet<ProductStatus> = new Set(['first_affected', 'known_affected', 'last_affected']);
const NOT_AFFECTED: ReadonlySet<ProductStatus> = new Set(['first_fixed', 'fixed', 'known_not_affected', 'recommended']);

interface Candidate {
  group: ProductGroup;
  reasons: MatchReason[];
  /** Evidence good enough only for review (fuzzy vendor or product, model not comparable). */
  review: boolean;
}

function cachedRange(index: MatchIndex, entry: AffectedEntry, version: string): RangeCheck {
  let byVersion = index.rangeCache.get(entry.range);
  if (!byVersion) {
    byVersion = new Map();
    index.rangeCache.set(entry.range, byVersion);
  }
  let check = byVersion.get(version);
  if (!check) {
    check = rangeContains(entry.range, version);
    byVersion.set(version, check);
  }
  return check;
}

/** Groups whose product name is similar enough to the asset's (cached per vendor and product). */
function productCandidates(index: MatchIndex, bucket: VendorBucket, assetProduct: string): { group: ProductGroup; score: number }[] {
  const cached = bucket.productCache.get(assetProduct);
  if (cached) return cached;
  const out: { group: ProductGroup; score: number }[] = [];
  if (assetProduct) {
    for (const group of bucket.groups) {
      let best = 0;
      for (const name of group.names) {
        const s = productSimilarity(assetProduct, name);
        if (s > best) best = s;
        if (best === 1) break;
      }
      if (best >= index.threshold) out.push({ group, score: best });
    }
  }
  bucket.productCache.set(assetProduct, out);
  return out;
}

/** Groups listing the asset's model number, exactly or through a pattern. */
function modelCandidates(bucket: VendorBucket, model: string): Map<ProductGroup, MatchReason> {
  const out = new Map<ProductGroup, MatchReason>();
  if (!model) return out;
  for (const group of bucket.byModel.get(normaliseModel(model)) ?? []) {
    out.set(group, {
      kind: 'model',
      score: 1,
      text: `model "${model}" = "${group.models.find((m) => matchModel(m, model)) ?? group.models[0]}"`,
    });
  }
  for (const { pattern, group } of bucket.patterns) {
    if (!out.has(group) && matchModel(pattern, model))
      out.set(group, { kind: 'model', score: 1, text: `model "${model}" matches pattern "${pattern}"` });
  }
  return out;
}

/** Whether the asset's model is written in the same scheme as the advisory's (then a mismatch is final). */
function sameModelScheme(model: string, models: string[]): boolean {
  const m = normaliseModel(model);
  return models.some((x) => normaliseModel(x).replace(/[*?]/g, '').slice(0, 3) === m.slice(0, 3));
}

function candidatesFor(
  index: MatchIndex,
  bucket: VendorBucket,
  asset: Asset,
  vendorReason: MatchReason,
  vendorExact: boolean,
): Candidate[] {
  const assetProduct = normaliseProduct(asset.product ?? '', asset.vendor);
  const model = (asset.model ?? '').trim();
  const byModel = modelCandidates(bucket, model);
  const out: Candidate[] = [];
  const seen = new Set<ProductGroup>();
  for (const [group, modelReason] of byModel) {
    seen.add(group);
    const score = Math.max(0, ...group.names.map((n) => productSimilarity(assetProduct, n)));
    const productReason: MatchReason = {
      kind: 'product',
      score: round(score),
      text: `product "${asset.product}" ~ "${group.display}" (similarity ${round(score)}); the model number decides`,
    };
    out.push({ group, reasons: [vendorReason, productReason, modelReason], review: !vendorExact });
  }
  for (const { group, score } of productCandidates(index, bucket, assetProduct)) {
    if (seen.has(group)) continue;
    const reasons: MatchReason[] = [
      vendorReason,
      { kind: 'product', score: round(score), text: `product "${asset.product}" ~ "${group.display}" (similarity ${round(score)})` },
    ];
    let review = !vendorExact || score < index.threshold + index.reviewBand;
    if (group.models.length > 0) {
      if (model) {
        // A model number in the advisory's own scheme that is not listed: a different product.
        if (sameModelScheme(model, group.models)) continue;
        reasons.push({
          kind: 'model',
          text: `model "${model}" is not among the advisory's ${group.models.join(', ')} and not comparable with them`,
        });
        review = true;
      } else {
        reasons.push({ kind: 'model', text: `asset has no model number; the advisory lists ${group.models.join(', ')}` });
      }
    }
    out.push({ group, reasons, review });
  }
  return out;
}

function judgeEntry(index: MatchIndex, entry: AffectedEntry, candidate: Candidate, version: string): EntryMatch | null {
  const check = cachedRange(index, entry, version);
  const statusText = `${entry.status} in ${entry.advisoryId} (product ${entry.productId}${entry.platform ? `, ${entry.platform}` : ''})`;
  const reasons = [
    ...candidate.reasons,
    { kind: 'version', text: check.reason } as MatchReason,
    { kind: 'status', text: statusText } as MatchReason,
  ];
  if (NOT_AFFECTED.has(entry.status)) {
    // A fixed / not-affected statement counts only for the versions it names.
    return check.result === 'affected' ? { entry, verdict: 'not_affected', reasons } : null;
  }
  if (check.result === 'not_affected') return null;
  let verdict: MatchVerdict = check.result === 'affected' && !candidate.review ? 'affected' : 'needs_review';
  if (!AFFECTED.has(entry.status)) verdict = 'needs_review';
  return { entry, verdict, reasons };
}

/** The verdict for one vulnerability from all its entries that spoke. */
function decide(assetId: string, vulnerabilityId: string, evidence: EntryMatch[]): AssetMatch {
  const affected = evidence.find((e) => e.verdict === 'affected');
  const notAffected = evidence.find((e) => e.verdict === 'not_affected');
  const review = evidence.find((e) => e.verdict === 'needs_review');
  if (affected && notAffected) {
    const conflict: MatchReason = {
      kind: 'conflict',
      text: `${affected.entry.advisoryId} says ${affected.entry.status} for product ${affected.entry.productId} but ${notAffected.entry.advisoryId} says ${notAffected.entry.status} for product ${notAffected.entry.productId}`,
    };
    return { assetId, vulnerabilityId, verdict: 'needs_review', reasons: [...affected.reasons, conflict], evidence };
  }
  const deciding = affected ?? review ?? notAffected ?? (evidence[0] as EntryMatch);
  return { assetId, vulnerabilityId, verdict: deciding.verdict, reasons: deciding.reasons, evidence };
}

/**
 * Matches one asset against advisory entries (or a prepared index): vendor through the alias
 * table, product by similarity with a threshold, model numbers exactly or by pattern, version by
 * range. One result per vulnerability, each with the reasons it matched; fixed / not-affected
 * statements decide `not_affected` (returned only with `includeNotAffected`).
 */
export function matchAsset(asset: Asset, entries: readonly AffectedEntry[] | MatchIndex, options?: MatchOptions): AssetMatch[] {
  const index = Array.isArray(entries) ? indexFor(entries as readonly AffectedEntry[], options) : (entries as MatchIndex);
  const version = (asset.version ?? '').trim();
  const byVulnerability = new Map<string, EntryMatch[]>();
  for (const { bucket, reason, exact } of vendorBuckets(index, asset.vendor ?? '')) {
    for (const candidate of candidatesFor(index, bucket, asset, reason, exact)) {
      for (const entry of candidate.group.entries) {
        const m = judgeEntry(index, entry, candidate, version);
        if (!m) continue;
        const list = byVulnerability.get(entry.vulnerabilityId);
        if (list) list.push(m);
        else byVulnerability.set(entry.vulnerabilityId, [m]);
      }
    }
  }
  const out: AssetMatch[] = [];
  for (const [vulnerabilityId, evidence] of byVulnerability) {
    const m = decide(asset.id, vulnerabilityId, evidence);
    if (m.verdict !== 'not_affected' || index.includeNotAffected) out.push(m);
  }
  return out;
}
