import { isModelPattern, normaliseModel } from './models.js';
import { normaliseProduct, normaliseVendor, productTokens, tokenDice, vendorKey } from './names.js';
import type { AffectedEntry, AliasIndex, MatchOptions, MatchReason, NormalisedVendor, RangeCheck, VersionRange } from './types.js';

/** Entries of one vendor that share product names and model numbers. */
export interface ProductGroup {
  /** Normalised names the product goes by (first: the main one). */
  names: string[];
  /** The product as written, for reasons. */
  display: string;
  /** Model numbers as written. */
  models: string[];
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
  /** Groups with wildcard model patterns. */
  patterns: { pattern: string; group: ProductGroup }[];
  /** Normalised asset product → groups at or above the threshold, with their similarity. */
  productCache: Map<string, ProductCandidate[]>;
}

/** Everything the matcher needs, built once per set of entries and options; reused for every asset. */
export interface MatchIndex {
  aliases: AliasIndex;
  buckets: Map<string, VendorBucket>;
  threshold: number;
  reviewBand: number;
  includeNotAffected: boolean;
  entryCount: number;
  /** Asset vendor key → the buckets it reaches and how (cached: assets repeat vendors). */
  vendorCache: Map<string, { bucket: VendorBucket; reason: MatchReason; exact: boolean }[]>;
  /** Range checks per range object and asset version (many entries share one range). */
  rangeCache: WeakMap<VersionRange, Map<string, RangeCheck>>;
}

export const DEFAULT_PRODUCT_THRESHOLD = 0.85;
export const DEFAULT_REVIEW_BAND = 0.07;
/** Vendor names that are not in the alias table must be this similar (token Dice) to count. */
export const VENDOR_FUZZY_THRESHOLD = 0.9;

const EMPTY_ALIASES: AliasIndex = { byKey: new Map() };

/** Groups entries by normalised vendor, then by product names and model numbers. */
export function createMatchIndex(entries: readonly AffectedEntry[], options: MatchOptions = {}): MatchIndex {
  const aliases = options.aliases ?? EMPTY_ALIASES;
  const buckets = new Map<string, VendorBucket>();
  const groupByKey = new Map<string, ProductGroup>();
  for (const entry of entries) {
    const vendor = normaliseVendor(entry.vendor, aliases);
    if (!vendor.key) continue;
    let bucket = buckets.get(vendor.key);
    if (!bucket) {
      bucket = { key: vendor.key, canonical: vendor.canonical, groups: [], byModel: new Map(), patterns: [], productCache: new Map() };
      buckets.set(vendor.key, bucket);
    }
    const names = [entry.product, ...entry.productNames].map((n) => normaliseProduct(n, entry.vendor)).filter(Boolean);
    const uniqueNames = [...new Set(names)];
    const groupKey = `${vendor.key}\u0000${uniqueNames.join('\u0001')}\u0000${entry.models.join('\u0001')}`;
    let group = groupByKey.get(groupKey);
    if (!group) {
      group = { names: uniqueNames, display: entry.product, models: entry.models, entries: [] };
      groupByKey.set(groupKey, group);
      bucket.groups.push(group);
      for (const m of entry.models) {
        if (isModelPattern(m)) bucket.patterns.push({ pattern: m, group });
        else {
          const k = normaliseModel(m);
          const list = bucket.byModel.get(k);
          if (list) list.push(group);
          else bucket.byModel.set(k, [group]);
        }
      }
    }
    group.entries.push(entry);
  }
  return {
    aliases,
    buckets,
    threshold: options.productThreshold ?? DEFAULT_PRODUCT_THRESHOLD,
    reviewBand: options.reviewBand ?? DEFAULT_REVIEW_BAND,
    includeNotAffected: options.includeNotAffected ?? false,
    entryCount: entries.length,
    vendorCache: new Map(),
    rangeCache: new WeakMap(),
  };
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
  const vendor: NormalisedVendor = normaliseVendor(assetVendor, index.aliases);
  const cached = index.vendorCache.get(`${vendor.key}\u0000${assetVendor}`);
  if (cached) return cached;
  const out: { bucket: VendorBucket; reason: MatchReason; exact: boolean }[] = [];
  const direct = vendor.key ? index.buckets.get(vendor.key) : undefined;
  if (direct) {
    const via = vendor.via && vendorKey(vendor.via) !== vendor.key ? ` via alias "${vendor.via}"` : '';
    out.push({
      bucket: direct,
      exact: true,
      reason: { kind: 'vendor', score: 1, text: `vendor "${assetVendor}" = "${direct.canonical}"${via}` },
    });
  } else if (vendor.key) {
    const mine = productTokens(vendor.key);
    for (const bucket of index.buckets.values()) {
      const theirs = productTokens(bucket.key);
      const dice = tokenDice(mine, theirs);
      const extends_ = mine.length > 0 && theirs.length > mine.length && mine.every((t, i) => theirs[i] === t);
      const score = Math.max(dice, extends_ ? VENDOR_FUZZY_THRESHOLD : 0);
      if (score >= VENDOR_FUZZY_THRESHOLD) {
        out.push({
          bucket,
          exact: false,
          reason: {
            kind: 'vendor',
            score: round(score),
            text: `vendor "${assetVendor}" is similar to "${bucket.canonical}" (score ${round(score)}; not in the alias table)`,
          },
        });
      }
    }
  }
  index.vendorCache.set(`${vendor.key}\u0000${assetVendor}`, out);
  return out;
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
