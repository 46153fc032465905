import {
  indexFor,
  type MatchIndex,
  PATTERN_PREFIX,
  type ProductCandidate,
  type ProductGroup,
  productShortlist,
  round,
  typoCount,
  type VendorBucket,
  vendorBuckets,
} from './match-index.js';
import { matchModel, normaliseModel } from './models.js';
import { canonicalProduct, compareTokenised, normaliseProduct, type ProductComparison, productTokens } from './names.js';
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
function productCandidates(index: MatchIndex, bucket: VendorBucket, assetProduct: string): ProductCandidate[] {
  const cached = bucket.productCache.get(assetProduct);
  if (cached) return cached;
  const out: ProductCandidate[] = [];
  if (assetProduct) {
    const tokens = productTokens(assetProduct);
    const own = new Set(tokens);
    const typos = typoCount(bucket, tokens);
    const spacedAlike = bucket.byCompactName.get(assetProduct.replace(/ /g, '')) ?? [];
    for (const group of productShortlist(bucket, assetProduct, tokens, index.threshold)) {
      if (!spacedAlike.includes(group) && !mayReach(own, tokens.length, typos, group, index.threshold)) continue;
      const best = bestName(assetProduct, tokens, group);
      if (best.score >= index.threshold) out.push({ group, score: best.score, lessSpecific: best.codes === 'subset' });
    }
  }
  if (bucket.productCache.size > 100_000) bucket.productCache.clear();
  bucket.productCache.set(assetProduct, out);
  return out;
}

/**
 * A cheap upper bound of the Dice score before the full comparison: shared exact tokens plus every
 * word that might match by typo. (Names spelled alike without spaces skip it: they score 0.99.)
 */
function mayReach(own: ReadonlySet<string>, size: number, typos: number, group: ProductGroup, threshold: number): boolean {
  for (const tokens of group.nameTokens) {
    let shared = typos;
    for (const t of tokens) if (own.has(t)) shared++;
    if ((2 * Math.min(shared, size, tokens.length)) / (size + tokens.length) >= threshold) return true;
  }
  return false;
}

function bestName(assetProduct: string, tokens: readonly string[], group: ProductGroup): ProductComparison {
  let best: ProductComparison = { score: 0, codes: 'conflict' };
  for (let i = 0; i < group.names.length; i++) {
    const c = compareTokenised(assetProduct, tokens, group.names[i] as string, group.nameTokens[i] as string[]);
    if (c.score > best.score) best = c;
    if (best.score === 1) break;
  }
  return best;
}

/** Groups listing the asset's model number, exactly or through a pattern. */
function modelCandidates(bucket: VendorBucket, model: string): Map<ProductGroup, MatchReason> {
  const cached = bucket.modelCache.get(model);
  if (cached) return cached;
  const out = new Map<ProductGroup, MatchReason>();
  const normalised = normaliseModel(model);
  if (normalised) {
    for (const group of bucket.byModel.get(normalised) ?? []) {
      out.set(group, {
        kind: 'model',
        score: 1,
        text: `model "${model}" = "${group.models.find((m) => matchModel(m, model)) ?? group.models[0]}"`,
        reason: {
          code: 'matching.model_exact',
          params: { model, listed: group.models.find((m) => matchModel(m, model)) ?? group.models[0] ?? '' },
        },
      });
    }
    const keyed = bucket.patternsByPrefix.get(normalised.slice(0, PATTERN_PREFIX)) ?? [];
    for (const { pattern, group } of [...keyed, ...bucket.patterns]) {
      if (!out.has(group) && matchModel(pattern, model))
        out.set(group, {
          kind: 'model',
          score: 1,
          text: `model "${model}" matches pattern "${pattern}"`,
          reason: { code: 'matching.model_pattern', params: { model, pattern } },
        });
    }
  }
  if (bucket.modelCache.size > 100_000) bucket.modelCache.clear();
  bucket.modelCache.set(model, out);
  return out;
}

/** Digits → 9, letters → A: `6ES7518-4AX00-1AB0` and `6AG1518-4AX00-4AC0` share a shape. */
function shape(s: string): string {
  return s.replace(/\d/g, '9').replace(/[A-Z]/g, 'A');
}

/**
 * Whether the asset's model is written in the same scheme as one of the advisory's (same shape,
 * or the shape of a pattern's fixed prefix): then not being listed means a different product.
 */
function sameModelScheme(model: string, models: string[]): boolean {
  const m = normaliseModel(model);
  return models.some((x) => {
    const n = normaliseModel(x);
    const cut = n.search(/[*?]/);
    if (cut < 0) return shape(n) === shape(m);
    return cut > 0 && shape(n.slice(0, cut)) === shape(m.slice(0, cut));
  });
}

function productKey(index: MatchIndex, asset: Asset): string {
  const raw = `${asset.vendor ?? ''}\u0000${asset.product ?? ''}`;
  let key = index.productKeyCache.get(raw);
  if (key === undefined) {
    key = normaliseProduct(asset.product ?? '', asset.vendor);
    if (index.productKeyCache.size > 200_000) index.productKeyCache.clear();
    index.productKeyCache.set(raw, key);
  }
  return key;
}

function candidatesFor(
  index: MatchIndex,
  bucket: VendorBucket,
  asset: Asset,
  vendorReason: MatchReason,
  vendorExact: boolean,
): Candidate[] {
  const written = productKey(index, asset);
  const canonical = canonicalProduct(index.productAliases, bucket.key, written);
  const assetProduct = canonical ?? written;
  const via = canonical ? ` via product alias "${canonical}"` : '';
  const model = (asset.model ?? '').trim();
  const byModel = modelCandidates(bucket, model);
  const out: Candidate[] = [];
  const seen = new Set<ProductGroup>();
  for (const [group, modelReason] of byModel) {
    seen.add(group);
    const { score } = bestName(assetProduct, productTokens(assetProduct), group);
    const productReason: MatchReason = {
      kind: 'product',
      score: round(score),
      text: `product "${asset.product}"${via} ~ "${group.display}" (similarity ${round(score)}); the model number decides`,
      reason: { code: 'matching.product_by_model', params: { product: asset.product, display: group.display, score: round(score) } },
    };
    out.push({ group, reasons: [vendorReason, productReason, modelReason], review: !vendorExact });
  }
  for (const { group, score, lessSpecific } of productCandidates(index, bucket, assetProduct)) {
    if (seen.has(group)) continue;
    const note = lessSpecific ? '; the names differ in model-like parts' : '';
    const reasons: MatchReason[] = [
      vendorReason,
      {
        kind: 'product',
        score: round(score),
        text: `product "${asset.product}"${via} ~ "${group.display}" (similarity ${round(score)})${note}`,
        reason: {
          code: lessSpecific ? 'matching.product_similar_model_parts' : 'matching.product_similar',
          params: { product: asset.product, display: group.display, score: round(score) },
        },
      },
    ];
    let review = !vendorExact || lessSpecific || score < index.threshold + index.reviewBand;
    if (group.models.length > 0) {
      if (model) {
        // A model number in the advisory's own scheme that is not listed: a different product.
        if (sameModelScheme(model, group.models)) continue;
        reasons.push({
          kind: 'model',
          text: `model "${model}" is not among the advisory's ${group.models.join(', ')} and not comparable with them`,
          reason: { code: 'matching.model_not_listed', params: { model, models: group.models.join('、') } },
        });
        review = true;
      } else {
        reasons.push({
          kind: 'model',
          text: `asset has no model number; the advisory lists ${group.models.join(', ')}`,
          reason: { code: 'matching.model_missing', params: { models: group.models.join('、') } },
        });
      }
    }
    out.push({ group, reasons, review });
  }
  return out;
}

function judgeEntry(index: MatchIndex, entry: AffectedEntry, candidate: Candidate, version: string): EntryMatch | null {
  const check = cachedRange(index, entry, version);
  let verdict: MatchVerdict;
  if (NOT_AFFECTED.has(entry.status)) {
    // A fixed / not-affected statement counts only for the versions it names.
    if (check.result !== 'affected') return null;
    verdict = 'not_affected';
  } else {
    if (check.result === 'not_affected') return null;
    verdict = check.result === 'affected' && !candidate.review && AFFECTED.has(entry.status) ? 'affected' : 'needs_review';
  }
  // Reasons are built only for entries that speak (most entries of a product miss on version).
  const statusText = `${entry.status} in ${entry.advisoryId} (product ${entry.productId}${entry.platform ? `, ${entry.platform}` : ''})`;
  const said = { advisory: entry.advisoryId, product: entry.productId, status: entry.status };
  const reasons: MatchReason[] = [
    ...candidate.reasons,
    {
      kind: 'version',
      text: check.reason,
      reason: { code: 'matching.version', params: { version: version.trim(), advisory: entry.advisoryId, result: check.result } },
    },
    { kind: 'status', text: statusText, reason: { code: 'matching.status', params: said } },
  ];
  return { entry, verdict, reasons };
}

/** Whether an entry names single versions only (CSAF `product_version`), not a range. */
function isVersionList(entry: AffectedEntry): boolean {
  const r = entry.range;
  return r.kind === 'any_of' && r.anyOf.length > 0 && r.anyOf.every((c) => c.length === 1 && c[0]?.op === '=');
}

/**
 * The advisory lists affected versions one by one (and maybe fixed ones) and the asset's version
 * is in none of its lists: whether it is affected cannot be told, so it goes to review.
 */
function unlistedVersion(
  asset: Asset,
  vulnerabilityId: string,
  entry: AffectedEntry,
  candidate: Candidate,
  versions: string[],
): AssetMatch {
  const shown = [...new Set(versions)];
  const list = shown.length > 5 ? `${shown.slice(0, 5).join(', ')} and ${shown.length - 5} more` : shown.join(', ');
  const reasons: MatchReason[] = [
    ...candidate.reasons,
    {
      kind: 'version',
      text: `version "${(asset.version ?? '').trim()}" is not among the versions ${entry.advisoryId} names (affected: ${list})`,
      reason: { code: 'matching.version_unlisted', params: { version: (asset.version ?? '').trim(), advisory: entry.advisoryId, list } },
    },
    {
      kind: 'status',
      text: `${entry.status} in ${entry.advisoryId} for other versions of this product`,
      reason: { code: 'matching.status_other_versions', params: { status: entry.status, advisory: entry.advisoryId } },
    },
  ];
  return { assetId: asset.id, vulnerabilityId, verdict: 'needs_review', reasons, evidence: [{ entry, verdict: 'needs_review', reasons }] };
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
      reason: {
        code: 'matching.conflict',
        params: {
          affected: affected.entry.advisoryId,
          affectedStatus: affected.entry.status,
          notAffected: notAffected.entry.advisoryId,
          notAffectedStatus: notAffected.entry.status,
        },
      },
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
  const unlisted = new Map<string, { entry: AffectedEntry; candidate: Candidate; versions: string[] }>();
  for (const { bucket, reason, exact } of vendorBuckets(index, asset.vendor ?? '')) {
    for (const candidate of candidatesFor(index, bucket, asset, reason, exact)) {
      for (const entry of candidate.group.entries) {
        const m = judgeEntry(index, entry, candidate, version);
        if (!m) {
          if (AFFECTED.has(entry.status) && isVersionList(entry)) {
            const u = unlisted.get(entry.vulnerabilityId);
            if (u) u.versions.push(entry.versionRaw);
            else unlisted.set(entry.vulnerabilityId, { entry, candidate, versions: [entry.versionRaw] });
          }
          continue;
        }
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
  for (const [vulnerabilityId, u] of unlisted) {
    if (byVulnerability.has(vulnerabilityId)) continue;
    out.push(unlistedVersion(asset, vulnerabilityId, u.entry, u.candidate, u.versions));
  }
  return out;
}
