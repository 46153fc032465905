import { onVersionLine, versionLineOf } from './lines.js';
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
import {
  conflictReason,
  fixedReason,
  lineReason,
  modelReason,
  outsideReasons,
  statusReason,
  unlistedReasons,
  versionReason,
} from './match-reasons.js';
import { matchModel, modelsOfProductName, normaliseModel } from './models.js';
import { canonicalProduct, compareTokenised, normaliseProduct, type ProductComparison, productTokens, vendorNames } from './names.js';
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
import { compareVersions, parseVersion } from './versions.js';

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
      const listed = group.models.find((m) => matchModel(m, model)) ?? group.models[0] ?? '';
      out.set(group, modelReason(model, listed, group.nameModels.includes(listed) ? 'name' : 'exact'));
    }
    const keyed = bucket.patternsByPrefix.get(normalised.slice(0, PATTERN_PREFIX)) ?? [];
    for (const { pattern, group } of [...keyed, ...bucket.patterns]) {
      if (!out.has(group) && matchModel(pattern, model)) out.set(group, modelReason(model, pattern, 'pattern'));
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
    const cut = n.search(/[*?(]/);
    if (cut < 0) return shape(n) === shape(m);
    return cut > 0 && shape(n.slice(0, cut)) === shape(m.slice(0, cut));
  });
}

/** The asset's product in comparison form, with this vendor's names (canonical and aliases) stripped in front. */
function productKey(index: MatchIndex, bucket: VendorBucket, vendor: string, product: string): string {
  const raw = `${bucket.key}\u0000${vendor}\u0000${product}`;
  let key = index.productKeyCache.get(raw);
  if (key === undefined) {
    key = normaliseProduct(product, vendor, [bucket.canonical, ...vendorNames(index.aliases, bucket.key)]);
    if (index.productKeyCache.size > 200_000) index.productKeyCache.clear();
    index.productKeyCache.set(raw, key);
  }
  return key;
}

/** The asset's model number, or its product name when that is a model number itself (`RJ71EIP91`). */
function assetModel(asset: Asset): string {
  const model = (asset.model ?? '').trim();
  if (model) return model;
  const [code] = modelsOfProductName(asset.product ?? '').filter((m) => !/[*?()]/.test(m));
  return code ?? '';
}

/** Product candidates for the name as written and, when it names a release line (`WinCC V7.5`), without it. */
function namedCandidates(index: MatchIndex, bucket: VendorBucket, asset: Asset): { canonical?: string; list: ProductCandidate[] } {
  const written = productKey(index, bucket, asset.vendor ?? '', asset.product ?? '');
  const canonical = canonicalProduct(index.productAliases, bucket.key, written);
  const list = productCandidates(index, bucket, canonical ?? written);
  const { line, rest } = versionLineOf(asset.product ?? '');
  if (!line || canonical) return { list };
  const best = new Map(list.map((c) => [c.group, c]));
  for (const c of productCandidates(index, bucket, productKey(index, bucket, asset.vendor ?? '', rest))) {
    const had = best.get(c.group);
    if (!had || had.score < c.score) best.set(c.group, c);
  }
  return { list: [...best.values()] };
}

function candidatesFor(
  index: MatchIndex,
  bucket: VendorBucket,
  asset: Asset,
  vendorReason: MatchReason,
  vendorExact: boolean,
): Candidate[] {
  const written = productKey(index, bucket, asset.vendor ?? '', asset.product ?? '');
  const canonical = canonicalProduct(index.productAliases, bucket.key, written);
  const assetProduct = canonical ?? written;
  const via = canonical ? ` via product alias "${canonical}"` : '';
  const model = assetModel(asset);
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
  for (const { group, score, lessSpecific } of namedCandidates(index, bucket, asset).list) {
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

/** Why an entry did not speak: its versions exclude the asset's, or the asset is on another release line. */
type Judgement =
  | { match: EntryMatch; miss?: undefined; check?: RangeCheck }
  | { match?: undefined; miss: 'range' | 'line'; check?: RangeCheck };

function judgeEntry(index: MatchIndex, entry: AffectedEntry, candidate: Candidate, version: string): Judgement {
  const line = candidate.group.line;
  const on = line ? onVersionLine(line, version) : true;
  if (on === false) return { miss: 'line' };
  const check = cachedRange(index, entry, version);
  let verdict: MatchVerdict;
  if (NOT_AFFECTED.has(entry.status)) {
    // A fixed / not-affected statement counts only for the versions it names.
    if (check.result !== 'affected' || on === null) return { miss: 'range', check };
    verdict = 'not_affected';
  } else {
    if (check.result === 'not_affected') return { miss: 'range', check };
    const sure = check.result === 'affected' && on === true && !candidate.review && AFFECTED.has(entry.status);
    verdict = sure ? 'affected' : 'needs_review';
  }
  // Reasons are built only for entries that speak (most entries of a product miss on version).
  const reasons: MatchReason[] = [...candidate.reasons];
  if (line) reasons.push(lineReason(version, line, on));
  reasons.push(versionReason(version, entry, check), statusReason(entry));
  return { match: { entry, verdict, reasons } };
}

/** Whether an entry names single versions only (CSAF `product_version`), not a range. */
function isVersionList(entry: AffectedEntry): boolean {
  const r = entry.range;
  return r.kind === 'any_of' && r.anyOf.length > 0 && r.anyOf.every((c) => c.length === 1 && c[0]?.op === '=');
}

/** The leading number of a version (`V7.5 SP2` → `7`), for telling release lines apart. */
function major(version: string): string | undefined {
  const first = parseVersion(version).tokens[0];
  return first?.kind === 'num' ? first.text : undefined;
}

/**
 * The fix that covers the asset's version, if any: a fix on the asset's own major line it has
 * reached, or — with no fix on that line — every fix named. `5.3` is past `5.008` but not fixed
 * when the advisory also names `11.003` for the line after.
 */
function coveringFix(version: string, fixes: readonly string[]): string | undefined {
  const reached = (f: string) => (compareVersions(version, f) ?? -1) >= 0;
  const mine = major(version);
  const sameLine = fixes.filter((f) => major(f) === mine);
  if (sameLine.length) return sameLine.find(reached);
  return fixes.length && fixes.every(reached) ? fixes[fixes.length - 1] : undefined;
}

/** Versions that fix the product: the remediations' and those of `fixed` / `first_fixed` statements of the same product. */
function fixVersions(u: Unlisted): string[] {
  const out = new Set<string>(u.fixedIn);
  for (const e of u.candidate.group.entries) {
    if (e.vulnerabilityId !== u.entry.vulnerabilityId || (e.status !== 'fixed' && e.status !== 'first_fixed')) continue;
    for (const c of e.range.anyOf.flat()) if (c.op === '=' || c.op === '>=') out.add(c.version);
  }
  return [...out];
}

interface Unlisted {
  entry: AffectedEntry;
  candidate: Candidate;
  versions: string[];
  fixedIn: string[];
}

/**
 * The advisory lists affected versions one by one (and maybe fixed ones) and the asset's version
 * is in none of its lists: not affected when the advisory's fix says so (the asset is at or past
 * the fixed version, #13 item 3), else it cannot be told and goes to review.
 */
function unlistedVersion(asset: Asset, vulnerabilityId: string, u: Unlisted): AssetMatch {
  const shown = [...new Set(u.versions)];
  const list = shown.length > 5 ? `${shown.slice(0, 5).join(', ')} and ${shown.length - 5} more` : shown.join(', ');
  const version = (asset.version ?? '').trim();
  const fixed = u.candidate.review || !version ? undefined : coveringFix(version, fixVersions(u));
  if (fixed) {
    const reasons = [...u.candidate.reasons, ...fixedReason(version, u.entry, fixed, list)];
    return {
      assetId: asset.id,
      vulnerabilityId,
      verdict: 'not_affected',
      reasons,
      evidence: [{ entry: u.entry, verdict: 'not_affected', reasons }],
    };
  }
  const reasons = [...u.candidate.reasons, ...unlistedReasons(version, u.entry, list)];
  return {
    assetId: asset.id,
    vulnerabilityId,
    verdict: 'needs_review',
    reasons,
    evidence: [{ entry: u.entry, verdict: 'needs_review', reasons }],
  };
}

/** The verdict for one vulnerability from all its entries that spoke. */
function decide(assetId: string, vulnerabilityId: string, evidence: EntryMatch[]): AssetMatch {
  const affected = evidence.find((e) => e.verdict === 'affected');
  const notAffected = evidence.find((e) => e.verdict === 'not_affected');
  const review = evidence.find((e) => e.verdict === 'needs_review');
  if (affected && notAffected)
    return {
      assetId,
      vulnerabilityId,
      verdict: 'needs_review',
      reasons: [...affected.reasons, conflictReason(affected, notAffected)],
      evidence,
    };
  const deciding = affected ?? review ?? notAffected ?? (evidence[0] as EntryMatch);
  return { assetId, vulnerabilityId, verdict: deciding.verdict, reasons: deciding.reasons, evidence };
}

/**
 * Matches one asset against advisory entries (or a prepared index): vendor through the alias
 * table, product by similarity with a threshold, model numbers exactly or by pattern, version by
 * range and release line. One result per vulnerability, each with the reasons it matched. Not
 * affected — a fixed / not-affected statement, a fix the asset has, or a recognised product whose
 * version lies outside every affected range — is returned only with `includeNotAffected`.
 */
export function matchAsset(asset: Asset, entries: readonly AffectedEntry[] | MatchIndex, options?: MatchOptions): AssetMatch[] {
  const index = Array.isArray(entries) ? indexFor(entries as readonly AffectedEntry[], options) : (entries as MatchIndex);
  const version = (asset.version ?? '').trim();
  const byVulnerability = new Map<string, EntryMatch[]>();
  const unlisted = new Map<string, Unlisted>();
  const outside = new Map<string, { entry: AffectedEntry; candidate: Candidate; check: RangeCheck }>();
  for (const { bucket, reason, exact } of vendorBuckets(index, asset.vendor ?? '')) {
    for (const candidate of candidatesFor(index, bucket, asset, reason, exact)) {
      for (const entry of candidate.group.entries) {
        const j = judgeEntry(index, entry, candidate, version);
        if (!j.match) {
          if (j.miss !== 'range' || !AFFECTED.has(entry.status)) continue;
          if (isVersionList(entry)) {
            const u = unlisted.get(entry.vulnerabilityId);
            if (u) {
              u.versions.push(entry.versionRaw);
              u.fixedIn.push(...(entry.fixedIn ?? []));
            } else
              unlisted.set(entry.vulnerabilityId, { entry, candidate, versions: [entry.versionRaw], fixedIn: [...(entry.fixedIn ?? [])] });
          } else if (j.check && !candidate.review && !outside.has(entry.vulnerabilityId)) {
            outside.set(entry.vulnerabilityId, { entry, candidate, check: j.check });
          }
          continue;
        }
        const list = byVulnerability.get(entry.vulnerabilityId);
        if (list) list.push(j.match);
        else byVulnerability.set(entry.vulnerabilityId, [j.match]);
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
    const m = unlistedVersion(asset, vulnerabilityId, u);
    if (m.verdict !== 'not_affected' || index.includeNotAffected) out.push(m);
  }
  if (index.includeNotAffected)
    for (const [vulnerabilityId, o] of outside) {
      if (byVulnerability.has(vulnerabilityId) || unlisted.has(vulnerabilityId)) continue;
      const reasons = [...o.candidate.reasons, ...outsideReasons(version, o.entry, o.check)];
      out.push({
        assetId: asset.id,
        vulnerabilityId,
        verdict: 'not_affected',
        reasons,
        evidence: [{ entry: o.entry, verdict: 'not_affected', reasons }],
      });
    }
  return out;
}
