import type { AliasIndex, NormalisedVendor, ProductAlias, ProductAliasIndex, VendorAlias } from './types.js';

/**
 * Legal-form words that say nothing about who the vendor is. Matched as whole trailing words
 * (after punctuation is dropped), longest first, repeatedly: "Co., Ltd." and "GmbH & Co. KG" go.
 */
const LEGAL_SUFFIXES = [
  'gmbh co kg',
  'co ltd',
  'company limited',
  'co limited',
  'pte ltd',
  'pvt ltd',
  'private limited',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'company',
  'co',
  'ag',
  'gmbh',
  'kg',
  'se',
  'sa',
  'sas',
  'sarl',
  'spa',
  'srl',
  'bv',
  'nv',
  'ab',
  'as',
  'oy',
  'kk',
  'llc',
  'lp',
  'plc',
  'pty',
  'group',
  'holdings',
].map((s) => s.split(' '));

/** Chinese legal forms (with optional bracketed place names such as （中国）). */
const CN_SUFFIX = /(?:[（(][^）)]*[）)])?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$/;

function words(s: string): string[] {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Comparison key of a company name: lower case, punctuation and legal-form suffixes removed. */
export function vendorKey(name: string): string {
  let s = (name ?? '').normalize('NFKC').trim();
  for (let i = 0; i < 3 && CN_SUFFIX.test(s); i++) s = s.replace(CN_SUFFIX, '').trim();
  const w = words(s);
  let changed = true;
  while (changed && w.length > 1) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (w.length > suffix.length && suffix.every((x, i) => w[w.length - suffix.length + i] === x)) {
        w.splice(w.length - suffix.length, suffix.length);
        changed = true;
        break;
      }
    }
  }
  return w.join(' ');
}

/** Builds the alias lookup from the rows analysts edit; the canonical name is an alias of itself. */
export function createAliasIndex(rows: readonly VendorAlias[]): AliasIndex {
  const byKey = new Map<string, { canonical: string; key: string }>();
  const namesOf = new Map<string, string[]>();
  for (const row of rows) {
    const key = vendorKey(row.canonical);
    if (!key) continue;
    for (const name of [row.canonical, ...row.names]) {
      const k = vendorKey(name);
      if (k && !byKey.has(k)) byKey.set(k, { canonical: row.canonical, key });
    }
    namesOf.set(key, [...(namesOf.get(key) ?? []), row.canonical, ...row.names]);
  }
  return { byKey, namesOf };
}

/** Every name a vendor goes by (canonical and aliases), by its key: stripped from product names on both sides. */
export function vendorNames(aliases: AliasIndex | undefined, key: string): string[] {
  return aliases?.namesOf?.get(key) ?? [];
}

/**
 * The vendor a name means: through the alias table when it knows the name (then `via` names the
 * alias), else the name itself with its legal form removed.
 */
export function normaliseVendor(name: string, aliases?: AliasIndex | readonly VendorAlias[]): NormalisedVendor {
  const index = Array.isArray(aliases) ? createAliasIndex(aliases) : (aliases as AliasIndex | undefined);
  const raw = (name ?? '').trim();
  const key = vendorKey(raw);
  const hit = index?.byKey.get(key);
  if (hit) return { key: hit.key, canonical: hit.canonical, via: raw };
  return { key, canonical: raw };
}

/**
 * Builds the product alias lookup; vendors are resolved through the vendor alias table so that a
 * row for "西门子" also serves "Siemens AG".
 */
export function createProductAliasIndex(rows: readonly ProductAlias[], vendors?: AliasIndex): ProductAliasIndex {
  const byKey = new Map<string, string>();
  for (const row of rows) {
    const vendor = row.vendor ? normaliseVendor(row.vendor, vendors).key : '';
    const canonical = normaliseProduct(row.canonical, row.vendor);
    if (!canonical) continue;
    for (const name of row.names) {
      const n = normaliseProduct(name, row.vendor);
      if (n && n !== canonical && !byKey.has(`${vendor}\u0000${n}`)) byKey.set(`${vendor}\u0000${n}`, canonical);
    }
  }
  return { byKey };
}

/** The canonical (normalised) product a normalised name stands for, for this vendor or any vendor. */
export function canonicalProduct(index: ProductAliasIndex | undefined, vendorKey: string, normalised: string): string | undefined {
  if (!index || index.byKey.size === 0) return undefined;
  return index.byKey.get(`${vendorKey}\u0000${normalised}`) ?? index.byKey.get(`\u0000${normalised}`);
}

/**
 * Words that say what kind of thing a product is without telling products apart (`S7-1500 Series`,
 * `Safety Manager products`, `CJ2M CPU Unit`, `MELSEC engines`): they never lower a similarity
 * (#13 item 3), so they are dropped from both names.
 */
const FILLER = new Set(['series', 'serie', 'engine', 'engines', 'product', 'products', 'unit', 'units', 'family', 'families']);
const CN_FILLER = /(?:系列|产品)$/u;

/** Legal-form words a vendor name may carry in front of a product (`Mitsubishi Electric Corporation MELSEC`). */
const LEADING_LEGAL = new Set([
  'corporation',
  'corp',
  'inc',
  'incorporated',
  'co',
  'ltd',
  'limited',
  'ag',
  'gmbh',
  'se',
  'sa',
  'llc',
  'plc',
]);

/**
 * Comparison form of a product name: lower case, any of the vendor's names in front removed
 * (the vendor as written, its canonical name and aliases: `vendors`), filler words dropped,
 * punctuation dropped; letters and digits are split later by productTokens (`S7-1500` → `s7 1500`).
 */
export function normaliseProduct(name: string, vendor?: string, vendors: readonly string[] = []): string {
  let w = words(name ?? '')
    .map((x) => (x.length > 2 ? x.replace(CN_FILLER, '') : x))
    .filter(Boolean);
  const names = vendor ? [vendor, ...vendors] : [...vendors];
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const n of names) {
      const { v, k } = vendorWords(n);
      for (const prefix of [v, k]) {
        if (prefix[0] && w.length > prefix.length && prefix.every((x, i) => w[i] === x)) {
          w = w.slice(prefix.length);
          while (w.length > 1 && LEADING_LEGAL.has(w[0] as string)) w = w.slice(1);
          stripped = true;
        }
      }
    }
  }
  const kept = w.filter((x) => !FILLER.has(x));
  return (kept.length > 0 ? kept : w).join(' ');
}

/** A vendor's words and key words; vendors repeat across thousands of products, so they are kept. */
const vendorWordCache = new Map<string, { v: string[]; k: string[] }>();
function vendorWords(vendor: string): { v: string[]; k: string[] } {
  let hit = vendorWordCache.get(vendor);
  if (!hit) {
    hit = { v: words(vendor), k: vendorKey(vendor).split(' ') };
    if (vendorWordCache.size > 10_000) vendorWordCache.clear();
    vendorWordCache.set(vendor, hit);
  }
  return hit;
}

/** Tokens of a normalised product: words, with number runs separated from letters (`cpu1518` → `cpu`, `1518`). */
export function productTokens(normalised: string): string[] {
  const out: string[] = [];
  for (const w of normalised.split(' ')) {
    if (!w) continue;
    const parts = w.match(/\p{N}+|\p{L}+/gu);
    if (!parts) continue;
    // Chinese has no spaces: each Han character is a token of its own.
    for (const p of parts) {
      if (/\p{Script=Han}/u.test(p)) out.push(...p);
      else out.push(p);
    }
  }
  return out;
}

/** Jaro-Winkler similarity of two strings (0..1), prefix scale 0.1 over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Uint8Array(la);
  const mb = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        ma[i] = 1;
        mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Two words of 4+ characters at this Jaro-Winkler similarity count as the same word misspelt. */
export const TYPO_SIMILARITY = 0.92;

/**
 * Token similarity: a Dice coefficient where two tokens count as shared when equal, or (for
 * words of 4+ letters) when their Jaro-Winkler is ≥ 0.92 — so typos count but `1518` ≠ `1516`.
 */
export function tokenDice(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const used = new Uint8Array(b.length);
  let shared = 0;
  for (const x of a) {
    let best = -1;
    for (let j = 0; j < b.length; j++) {
      if (used[j]) continue;
      const y = b[j] as string;
      if (x === y) {
        best = j;
        break;
      }
      if (best < 0 && x.length >= 4 && y.length >= 4 && /\D/.test(x) && /\D/.test(y) && jaroWinkler(x, y) >= TYPO_SIMILARITY) best = j;
    }
    if (best >= 0) {
      used[best] = 1;
      shared++;
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** How the model-like tokens (numbers, one- and two-letter parts) of two product names relate. */
export type CodeRelation = 'same' | 'subset' | 'conflict';

function codeTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => t.length <= 2 || /\d/.test(t)).sort();
}

/**
 * `same` when both names carry the same codes, `subset` when one name carries fewer (less
 * specific: `CPU 1518-4` against `S7-1500 CPU 1518F-4`), `conflict` when each has codes the other
 * lacks (`1518` against `1516`, `M800VW` against `M800VS`) — then they are different products.
 */
export function codeRelation(a: readonly string[], b: readonly string[]): CodeRelation {
  const ca = codeTokens(a);
  const cb = codeTokens(b);
  const rest = [...cb];
  let aOnly = 0;
  for (const t of ca) {
    const i = rest.indexOf(t);
    if (i >= 0) rest.splice(i, 1);
    else aOnly++;
  }
  if (aOnly > 0 && rest.length > 0) return 'conflict';
  return aOnly > 0 || rest.length > 0 ? 'subset' : 'same';
}

/** Product similarity with the code relation that qualifies it. */
export interface ProductComparison {
  score: number;
  codes: CodeRelation;
}

/**
 * Compares two normalised product names: 0.99 when they differ only in spacing and punctuation
 * (`S7-1500` / `S71500`), else the token Dice — capped at 0.5 when their codes conflict.
 * Whole-name Jaro-Winkler is not used: it rates `M800VW` against `M800VS` at 0.93.
 */
export function compareProducts(a: string, b: string): ProductComparison {
  return compareTokenised(a, productTokens(a), b, productTokens(b));
}

/** compareProducts with the tokens already computed (the matcher keeps them per product). */
export function compareTokenised(a: string, ta: readonly string[], b: string, tb: readonly string[]): ProductComparison {
  if (a === b) return { score: a ? 1 : 0, codes: 'same' };
  if (a.replace(/ /g, '') === b.replace(/ /g, '')) return { score: 0.99, codes: 'same' };
  const codes = codeRelation(ta, tb);
  const dice = tokenDice(ta, tb);
  return { score: codes === 'conflict' ? Math.min(dice, 0.5) : dice, codes };
}

/** Similarity of two normalised product names (0..1); see compareProducts. */
export function productSimilarity(a: string, b: string): number {
  return compareProducts(a, b).score;
}
