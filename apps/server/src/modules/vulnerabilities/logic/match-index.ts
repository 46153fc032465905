import { isReleaseLine, versionLineOf } from './lines.js';
import { isModelPattern, modelsOfProductName, normaliseModel } from './models.js';
import {
  canonicalProduct,
  jaroWinkler,
  normaliseProduct,
  normaliseVendor,
  productTokens,
  TYPO_SIMILARITY,
  tokenDice,
  vendorKey,
  vendorNames,
} from './names.js';
import type {
  AffectedEntry,
  AliasIndex,
  MatchOptions,
  MatchReason,
  NormalisedVendor,
  ProductAliasIndex,
  RangeCheck,
  VersionRange,
} from './types.js';

/** Entries of one vendor that share product names and model numbers. */
export interface ProductGroup {
  /** Normalised names the product goes by (first: the main one). */
  names: string[];
  /** Tokens of each name (productTokens), computed once. */
  nameTokens: string[][];
  /** The product as written, for reasons. */
  display: string;
  /** Model numbers as written, with the product names that are model numbers themselves. */
  models: string[];
  /** Those of `models` that are the product's name (`RJ71EIP91`, `CJ2M-CPU**`). */
  nameModels: string[];
  /** The release line the product name names (`SIMATIC WinCC V7.5` → `7.5`): only assets on it. */
  line?: string;
  entries: AffectedEntry[];
}

export interface ProductCandidate {
  group: ProductGroup;
  score: number;
  /** The asset names fewer model-like parts than the advisory (or more): only good for review. */
  lessSpecific: boolean;
}

export interface VendorBucket {
  key: string;
  canonical: string;
  groups: ProductGroup[];
  /** Normalised exact model number → groups listing it. */
  byModel: Map<string, ProductGroup[]>;
  /** Wildcard model patterns whose first PATTERN_PREFIX characters are fixed, by those characters. */
  patternsByPrefix: Map<string, { pattern: string; group: ProductGroup }[]>;
  /** Wildcard model patterns starting with a wildcard (checked for every model). */
  patterns: { pattern: string; group: ProductGroup }[];
  /** Asset model as written → groups it reaches (assets repeat models). */
  modelCache: Map<string, Map<ProductGroup, MatchReason>>;
  /** Normalised asset product → groups at or above the threshold, with their similarity. */
  productCache: Map<string, ProductCandidate[]>;
  /** Token → groups with a name containing it: only groups sharing tokens are compared. */
  postings: Map<string, ProductGroup[]>;
  /** A name without spaces → groups (`S7-1500` against `S71500` share few tokens). */
  byCompactName: Map<string, ProductGroup[]>;
  /** Asset word → words of this bucket it may match by typo (see typoNeighbours). */
  neighbours: Map<string, string[]>;
}

/** Everything the matcher needs, built once per set of entries and options; reused for every asset. */
export interface MatchIndex {
  aliases: AliasIndex;
  productAliases: ProductAliasIndex | undefined;
  buckets: Map<string, VendorBucket>;
  threshold: number;
  reviewBand: number;
  vendorThreshold: number;
  includeNotAffected: boolean;
  entryCount: number;
  /** Asset vendor as written → the buckets it reaches and how (cached: assets repeat vendors). */
  vendorCache: Map<string, { bucket: VendorBucket; reason: MatchReason; exact: boolean }[]>;
  /** Asset vendor + product as written → normalised product (cached like vendors). */
  productKeyCache: Map<string, string>;
  /** Range checks per range object and asset version (many entries share one range). */
  rangeCache: WeakMap<VersionRange, Map<string, RangeCheck>>;
}

export const DEFAULT_PRODUCT_THRESHOLD = 0.85;
export const DEFAULT_REVIEW_BAND = 0.07;
/** Default: vendor names not in the alias table must be this similar (token Dice) to count. */
export const VENDOR_FUZZY_THRESHOLD = 0.9;
/** The score of a vendor name that is the first words of a known one (`Rockwell` → `Rockwell Automation`). */
const VENDOR_PREFIX_SCORE = 0.9;

const EMPTY_ALIASES: AliasIndex = { byKey: new Map() };

/** Groups entries by normalised vendor, then by product names and model numbers. */
export function createMatchIndex(entries: readonly AffectedEntry[], options: MatchOptions = {}): MatchIndex {
  const aliases = options.aliases ?? EMPTY_ALIASES;
  const buckets = new Map<string, VendorBucket>();
  const groupByKey = new Map<string, ProductGroup>();
  // Equal ranges share one cache of checks, even when they are different objects (rows from a
  // database each carry their own copy).
  const rangeCache = new WeakMap<VersionRange, Map<string, RangeCheck>>();
  const checksByRange = new Map<string, Map<string, RangeCheck>>();
  // Entries repeat vendors and product names (one per vulnerability × product): normalise each once.
  const vendors = new Map<string, NormalisedVendor>();
  const normalNames = new Map<string, string>();
  const normalName = (name: string, vendor: string, canonicalKey: string) => {
    const k = `${vendor}\u0000${name}`;
    let n = normalNames.get(k);
    if (n === undefined) {
      n = normaliseProduct(name, vendor, vendorNames(aliases, canonicalKey));
      normalNames.set(k, n);
    }
    return n;
  };
  for (const entry of entries) {
    if (!rangeCache.has(entry.range)) {
      const r = entry.range;
      const key = `${r.kind}\u0000${r.raw}\u0000${JSON.stringify(r.anyOf)}`;
      let checks = checksByRange.get(key);
      if (!checks) {
        checks = new Map();
        checksByRange.set(key, checks);
      }
      rangeCache.set(r, checks);
    }
    let vendor = vendors.get(entry.vendor);
    if (!vendor) {
      vendor = normaliseVendor(entry.vendor, aliases);
      vendors.set(entry.vendor, vendor);
    }
    if (!vendor.key) continue;
    let bucket = buckets.get(vendor.key);
    if (!bucket) {
      bucket = {
        key: vendor.key,
        canonical: vendor.canonical,
        groups: [],
        byModel: new Map(),
        patternsByPrefix: new Map(),
        patterns: [],
        modelCache: new Map(),
        productCache: new Map(),
        postings: new Map(),
        byCompactName: new Map(),
        neighbours: new Map(),
      };
      buckets.set(vendor.key, bucket);
    }
    const { rawNames, line } = namesAndLine(entry);
    const names = rawNames.map((n) => normalName(n, entry.vendor, vendor.key)).filter(Boolean);
    // A name analysts declared an alias also carries its canonical name, which assets may use.
    for (const n of [...names]) {
      const canonical = canonicalProduct(options.productAliases, vendor.key, n);
      if (canonical) names.push(canonical);
    }
    const uniqueNames = [...new Set(names)];
    const nameModels = [...new Set(rawNames.flatMap(modelsOfProductName))].filter((m) => !entry.models.includes(m));
    const models = [...entry.models, ...nameModels];
    const groupKey = `${vendor.key}\u0000${uniqueNames.join('\u0001')}\u0000${models.join('\u0001')}\u0000${line ?? ''}`;
    let group = groupByKey.get(groupKey);
    if (!group) {
      const nameTokens = uniqueNames.map(productTokens);
      group = { names: uniqueNames, nameTokens, display: entry.product, models, nameModels, entries: [] };
      if (line) group.line = line;
      groupByKey.set(groupKey, group);
      bucket.groups.push(group);
      for (const token of new Set(nameTokens.flat())) push(bucket.postings, token, group);
      for (const name of new Set(uniqueNames.map((n) => n.replace(/ /g, '')))) push(bucket.byCompactName, name, group);
      for (const m of models) {
        if (isModelPattern(m)) {
          const fixed = fixedPrefix(m);
          if (fixed.length >= PATTERN_PREFIX) push(bucket.patternsByPrefix, fixed.slice(0, PATTERN_PREFIX), { pattern: m, group });
          else bucket.patterns.push({ pattern: m, group });
        } else {
          push(bucket.byModel, normaliseModel(m), group);
        }
      }
    }
    group.entries.push(entry);
  }
  return {
    aliases,
    productAliases: options.productAliases,
    buckets,
    threshold: options.productThreshold ?? DEFAULT_PRODUCT_THRESHOLD,
    reviewBand: options.reviewBand ?? DEFAULT_REVIEW_BAND,
    vendorThreshold: options.vendorThreshold ?? VENDOR_FUZZY_THRESHOLD,
    includeNotAffected: options.includeNotAffected ?? false,
    entryCount: entries.length,
    vendorCache: new Map(),
    productKeyCache: new Map(),
    rangeCache,
  };
}

/**
 * The names an entry's product goes by, and the release line they name when the entry's versions
 * agree with it (`SIMATIC WinCC V7.5` with `<V7.5 SP2 Update 15`): then the names lose the line word.
 */
function namesAndLine(entry: AffectedEntry): { rawNames: string[]; line?: string } {
  const rawNames = [entry.product, ...entry.productNames];
  for (const name of rawNames) {
    const found = versionLineOf(name);
    if (found.line && isReleaseLine(found.line, found.dotted === true, entry.range)) {
      const line = found.line;
      return { rawNames: rawNames.map((n) => (versionLineOf(n).line === line ? versionLineOf(n).rest : n)), line };
    }
  }
  return { rawNames };
}

/** Patterns are looked up by this many leading fixed characters of the normalised model. */
export const PATTERN_PREFIX = 3;

/** The normalised characters of a model pattern before its first wildcard or placeholder. */
function fixedPrefix(pattern: string): string {
  const placeholderX = /x/.test(pattern) && /[A-Z]/.test(pattern);
  const cut = pattern.search(placeholderX ? /[*?x(]/ : /[*?(]/);
  return normaliseModel(cut < 0 ? pattern : pattern.slice(0, cut));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Words of the bucket's vocabulary an asset word may match by typo (the rule of tokenDice: both
 * 4+ characters, not only digits, Jaro-Winkler ≥ 0.92); cached per bucket.
 */
export function typoNeighbours(bucket: VendorBucket, token: string): string[] {
  if (token.length < 4 || !/\D/.test(token)) return [];
  let out = bucket.neighbours.get(token);
  if (!out) {
    out = [];
    for (const word of bucket.postings.keys()) {
      if (word !== token && word.length >= 4 && /\D/.test(word) && jaroWinkler(token, word) >= TYPO_SIMILARITY) out.push(word);
    }
    if (bucket.neighbours.size > 100_000) bucket.neighbours.clear();
    bucket.neighbours.set(token, out);
  }
  return out;
}

/** How many of the asset's tokens could match some word of the bucket by typo (an upper bound). */
export function typoCount(bucket: VendorBucket, tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) if (typoNeighbours(bucket, t).length > 0) n++;
  return n;
}

/**
 * The groups worth comparing with an asset's product. A name reaches the threshold t only when
 * at least ⌈t·a/(2−t)⌉ of the asset's a tokens find a partner in it (itself or a typo neighbour),
 * i.e. that many minus the repeats among its d distinct tokens; by pigeonhole the name is then
 * reached from one of the d − need + 1 distinct tokens with the fewest groups.
 */
export function productShortlist(bucket: VendorBucket, product: string, tokens: readonly string[], threshold: number): Set<ProductGroup> {
  const out = new Set<ProductGroup>(bucket.byCompactName.get(product.replace(/ /g, '')) ?? []);
  const distinct = [...new Set(tokens)];
  if (distinct.length === 0) return out;
  // Repeated tokens (`m730vw m720vw` has `m` and `vw` twice) count once among the distinct ones.
  const need = Math.ceil((threshold * tokens.length) / (2 - threshold)) - (tokens.length - distinct.length);
  if (need <= 0) return new Set(bucket.groups);
  const reach = distinct.map((t) => {
    const lists = [bucket.postings.get(t) ?? [], ...typoNeighbours(bucket, t).map((w) => bucket.postings.get(w) ?? [])];
    return { lists, size: lists.reduce((n, l) => n + l.length, 0) };
  });
  reach.sort((x, y) => x.size - y.size);
  const prefix = Math.max(1, distinct.length - need + 1);
  for (let i = 0; i < prefix; i++) for (const list of reach[i]?.lists ?? []) for (const g of list) out.add(g);
  return out;
}

/** Reuse one index per entries array and options object when callers pass arrays. */
const indexCache = new WeakMap<readonly AffectedEntry[], WeakMap<MatchOptions, MatchIndex>>();
const NO_OPTIONS: MatchOptions = {};

export function indexFor(entries: readonly AffectedEntry[], options: MatchOptions | undefined): MatchIndex {
  const opts = options ?? NO_OPTIONS;
  let byOptions = indexCache.get(entries);
  if (!byOptions) {
    byOptions = new WeakMap();
    indexCache.set(entries, byOptions);
  }
  let index = byOptions.get(opts);
  if (!index) {
    index = createMatchIndex(entries, opts);
    byOptions.set(opts, index);
  }
  return index;
}

/**
 * The vendor buckets an asset's vendor reaches: its own key (directly or through an alias), else
 * vendors whose names are nearly the same or extend it (`Rockwell` → `Rockwell Automation`),
 * which only ever lead to "needs review".
 */
export function vendorBuckets(index: MatchIndex, assetVendor: string): { bucket: VendorBucket; reason: MatchReason; exact: boolean }[] {
  const cached = index.vendorCache.get(assetVendor);
  if (cached) return cached;
  const vendor: NormalisedVendor = normaliseVendor(assetVendor, index.aliases);
  const out: { bucket: VendorBucket; reason: MatchReason; exact: boolean }[] = [];
  const direct = vendor.key ? index.buckets.get(vendor.key) : undefined;
  if (direct) {
    const via = vendor.via && vendorKey(vendor.via) !== vendor.key ? ` via alias "${vendor.via}"` : '';
    out.push({
      bucket: direct,
      exact: true,
      reason: {
        kind: 'vendor',
        score: 1,
        text: `vendor "${assetVendor}" = "${direct.canonical}"${via}`,
        reason: via
          ? { code: 'matching.vendor_alias', params: { asset: assetVendor, canonical: direct.canonical, alias: vendor.via ?? '' } }
          : { code: 'matching.vendor_exact', params: { asset: assetVendor, canonical: direct.canonical } },
      },
    });
  } else if (vendor.key) {
    const mine = productTokens(vendor.key);
    const compact = vendor.key.replace(/ /g, '');
    for (const bucket of index.buckets.values()) {
      // `rockwellautomation` (CPE style) is `Rockwell Automation`: same letters, only spacing differs.
      if (bucket.key.replace(/ /g, '') === compact) {
        out.push({
          bucket,
          exact: true,
          reason: {
            kind: 'vendor',
            score: 1,
            text: `vendor "${assetVendor}" = "${bucket.canonical}" (same name without spaces)`,
            reason: { code: 'matching.vendor_spacing', params: { asset: assetVendor, canonical: bucket.canonical } },
          },
        });
        continue;
      }
      const theirs = productTokens(bucket.key);
      const dice = tokenDice(mine, theirs);
      const extends_ = mine.length > 0 && theirs.length > mine.length && mine.every((t, i) => theirs[i] === t);
      const score = Math.max(dice, extends_ ? VENDOR_PREFIX_SCORE : 0);
      if (score >= index.vendorThreshold) {
        out.push({
          bucket,
          exact: false,
          reason: {
            kind: 'vendor',
            score: round(score),
            text: `vendor "${assetVendor}" is similar to "${bucket.canonical}" (score ${round(score)}; not in the alias table)`,
            reason: { code: 'matching.vendor_similar', params: { asset: assetVendor, canonical: bucket.canonical, score: round(score) } },
          },
        });
      }
    }
  }
  if (index.vendorCache.size > 100_000) index.vendorCache.clear();
  index.vendorCache.set(assetVendor, out);
  return out;
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
