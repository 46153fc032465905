/**
 * npm run bench -- match [<dir>] [--assets 100000] [--seed 1] [--smoke]
 *
 * Matches generated assets against every affected-product entry extracted from the CSAF and CVE
 * fixtures in apps/server/reference/ (and from the CSAF / CVE JSON files under <dir>, searched
 * recursively, when given): index build, then one full re-match. Assets are drawn
 * deterministically from the advisories' own products — vendor spelled as an alias or with a
 * legal suffix, product with or without its family, model numbers exact, re-spaced or filled into
 * patterns, versions at, around and outside the ranges, some unreadable — plus 40 % noise
 * (vendors and products no advisory names).
 *
 * Baseline, same run, same data: a naive exact-string join — entries keyed by lower-cased
 * vendor | product, an asset matched when its version string equals an entry's version text or the
 * entry says "all versions". It is what a CPE/PURL-style exact lookup can do; `ratio` is the engine's
 * time over the baseline's, and the verdict counts show what the engine finds that the join misses.
 *
 * `--replicate N` stands in for a bigger corpus (the cisagov OT set is ~2,400 advisories): every
 * advisory N times, each copy's products renamed `… G<k>` so that they are distinct products of the
 * same vendors (the vendor buckets grow N-fold, the worst case for the product comparison).
 *
 * `--product-types N` (default 5,000): how many distinct advisory products the assets are drawn from
 * (an installed base repeats models; every distinct asset product costs one comparison pass).
 *
 * `cpuMs` (user + system CPU of this process, which includes the garbage collector's helper
 * threads) is reported next to wall time because the machine is shared; `ratio` compares wall
 * times, `cpuRatio` CPU times.
 *
 * Prints one JSON line; goal: a full re-match of 100,000 assets in ≤ 30 s.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AffectedEntry,
  type Asset,
  createAliasIndex,
  createMatchIndex,
  extractCsafAffected,
  extractCveAffected,
  matchAsset,
} from '../apps/server/src/modules/vulnerabilities/logic/index.ts';
import { seededRandom } from '../apps/server/src/seed/prng.ts';
import { environment, numberArg, parseArgs, ROOT, round } from './lib/common.ts';

const GOAL_MS = 30_000;
const argv = process.argv.slice(2);
const dir = argv[0] && !argv[0].startsWith('--') ? argv.shift() : undefined;
const args = parseArgs(argv);
const smoke = args.has('smoke');
const assetCount = numberArg(args, 'assets', smoke ? 5_000 : 100_000);
const seed = numberArg(args, 'seed', 1);
const replicate = numberArg(args, 'replicate', 1);
const productTypes = numberArg(args, 'product-types', 5_000);
const log = (s: string) => process.stderr.write(`[match] ${s}\n`);

const random = seededRandom(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

function jsonFiles(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

function load(files: string[]): { entries: AffectedEntry[]; advisories: number; skipped: number } {
  const entries: AffectedEntry[] = [];
  let advisories = 0;
  let skipped = 0;
  for (const f of files) {
    let doc: { document?: { csaf_version?: string }; dataType?: string };
    try {
      doc = JSON.parse(readFileSync(f, 'utf8'));
    } catch {
      skipped++;
      continue;
    }
    if (doc.document?.csaf_version) entries.push(...extractCsafAffected(doc).entries);
    else if (doc.dataType === 'CVE_RECORD') entries.push(...extractCveAffected(doc).entries);
    else {
      skipped++;
      continue;
    }
    advisories++;
  }
  return { entries, advisories, skipped };
}

const ALIASES = [
  { canonical: 'Siemens', names: ['Siemens AG', '西门子', '西门子（中国）有限公司'] },
  { canonical: 'Mitsubishi Electric', names: ['三菱电机', 'Mitsubishi Electric Corporation'] },
  { canonical: 'Schneider Electric', names: ['施耐德电气', 'Schneider Electric SE'] },
  { canonical: 'Rockwell Automation', names: ['罗克韦尔自动化', 'Rockwell Automation, Inc.'] },
];
const NOISE_VENDORS = [
  'Huawei',
  '和利时',
  '浙江中控技术股份有限公司',
  'ABB',
  'Honeywell',
  'Omron',
  'Delta Electronics',
  '汇川技术',
  'Advantech',
  'Moxa',
];
const NOISE_PRODUCTS = [
  'HMI Panel',
  'Edge Gateway',
  'DCS Controller',
  'PLC CPU',
  'Industrial Switch',
  'SCADA Server',
  'Frequency Inverter',
  'RTU',
];

/** A version near the entry's range: a bound itself, one step either side, or something odd. */
function versionFor(e: AffectedEntry): string {
  const bound = e.range.anyOf[0]?.[0]?.version ?? e.versionRaw;
  const r = random();
  if (r < 0.03) return pick(['', 'latest', 'unknown', 'V?']);
  if (!bound || e.range.kind === 'all') return `V${1 + Math.floor(random() * 5)}.${Math.floor(random() * 10)}`;
  if (r < 0.55) return bound;
  // Shift the last number of the bound by ±1 (keeps V prefixes, service packs, codes in shape).
  return bound.replace(/(\d+)(?!.*\d)/, (n) => String(Math.max(0, Number(n) + (random() < 0.5 ? -1 : 1))));
}

function modelFor(e: AffectedEntry): string | null {
  const m = e.models[0];
  if (!m || random() < 0.2) return null;
  const filled = m.replace(/\*+/g, () => pick(['A1', 'B3', 'C0'])).replace(/\?/g, '7');
  return random() < 0.3 ? filled.replace(/-/g, ' ') : filled;
}

function vendorFor(e: AffectedEntry): string {
  const row = ALIASES.find((a) => a.canonical === e.vendor);
  const r = random();
  if (row && r < 0.5) return pick(row.names);
  if (r < 0.7) return e.vendor.toUpperCase();
  return e.vendor;
}

function generate(entries: AffectedEntry[], n: number): Asset[] {
  // Draw from distinct products so that big advisories (404 CVEs × 5 products) don't dominate.
  const byProduct = new Map<string, AffectedEntry>();
  for (const e of entries) byProduct.set(`${e.vendor}|${e.product}|${e.models.join()}|${e.versionRaw}`, e);
  const all = [...byProduct.values()];
  // A city's installed base repeats product types: draw the assets from `types` of them.
  const products = all.length <= productTypes ? all : Array.from({ length: productTypes }, () => pick(all));
  const assets: Asset[] = [];
  for (let i = 0; i < n; i++) {
    const id = `asset-${i}`;
    if (random() < 0.4) {
      const vendor = random() < 0.25 ? pick(ALIASES).canonical : pick(NOISE_VENDORS);
      assets.push({
        id,
        vendor,
        product: `${pick(NOISE_PRODUCTS)} ${Math.floor(random() * 900 + 100)}`,
        model: null,
        version: `V${Math.floor(random() * 9)}.${Math.floor(random() * 9)}`,
      });
      continue;
    }
    const e = pick(products);
    const product = random() < 0.2 && e.productNames[0] ? e.productNames[0] : e.product;
    assets.push({ id, vendor: vendorFor(e), product, model: modelFor(e), version: versionFor(e) });
  }
  return assets;
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
};

function baselineJoin(entries: AffectedEntry[], assets: Asset[]): { ms: number; cpuMs: number; matches: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const byKey = new Map<string, AffectedEntry[]>();
  for (const e of entries) {
    const k = `${e.vendor.toLowerCase()}|${e.product.toLowerCase()}`;
    const list = byKey.get(k);
    if (list) list.push(e);
    else byKey.set(k, [e]);
  }
  const seen = new Set<string>();
  let matches = 0;
  for (const a of assets) {
    seen.clear();
    for (const e of byKey.get(`${a.vendor.toLowerCase()}|${a.product.toLowerCase()}`) ?? []) {
      if (e.status !== 'known_affected') continue;
      if ((e.range.kind === 'all' || e.versionRaw === a.version) && !seen.has(e.vulnerabilityId)) {
        seen.add(e.vulnerabilityId);
        matches++;
      }
    }
  }
  return { ms: performance.now() - t0, cpuMs: cpuMsSince(c0), matches };
}

if (dir && !(statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false)) {
  console.error(`bench match: ${dir} is not a directory (expected a directory of CSAF / CVE JSON files)`);
  process.exit(2);
}
const files = [
  ...jsonFiles(join(ROOT, 'apps/server/reference/csaf')),
  ...jsonFiles(join(ROOT, 'apps/server/reference/cve')),
  ...(dir ? jsonFiles(dir) : []),
];
const l0 = performance.now();
const loaded = load(files);
const loadMs = performance.now() - l0;
log(`${loaded.advisories} advisories / records, ${loaded.entries.length} entries (${loaded.skipped} files skipped) in ${round(loadMs)} ms`);
if (replicate > 1) {
  // Stand-in for a bigger corpus: copies of every advisory under new ids, their products renamed
  // with a generation code (`… G7`, models `G7-…`) so that each copy is a distinct product of the
  // same vendor.
  const base = [...loaded.entries];
  for (let k = 2; k <= replicate; k++) {
    for (const e of base) {
      loaded.entries.push({
        ...e,
        advisoryId: `${e.advisoryId}-R${k}`,
        vulnerabilityId: `${e.vulnerabilityId}-R${k}`,
        product: `${e.product} G${k}`,
        productNames: e.productNames.map((n) => `${n} G${k}`),
        models: e.models.map((m) => `G${k}-${m}`),
      });
    }
  }
  loaded.advisories *= replicate;
  log(`replicated ×${replicate}: ${loaded.entries.length} entries`);
}
const assets = generate(loaded.entries, assetCount);
log(`${assets.length} assets generated (seed ${seed})`);

const baseline = baselineJoin(loaded.entries, assets);
log(`baseline exact join: ${round(baseline.ms)} ms, ${baseline.matches} matches`);

const rssBefore = process.memoryUsage().rss;
const c0 = process.cpuUsage();
const t0 = performance.now();
const index = createMatchIndex(loaded.entries, { aliases: createAliasIndex(ALIASES) });
const indexMs = performance.now() - t0;
const counts = { affected: 0, needs_review: 0, not_affected: 0 };
let assetsMatched = 0;
let reasons = 0;
let peakRss = rssBefore;
const t1 = performance.now();
for (let i = 0; i < assets.length; i++) {
  const ms = matchAsset(assets[i] as Asset, index);
  if (ms.length) assetsMatched++;
  for (const m of ms) {
    counts[m.verdict]++;
    reasons += m.reasons.length;
  }
  if (i % 10_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const matchMs = performance.now() - t1;
const totalMs = indexMs + matchMs;
const engineCpuMs = cpuMsSince(c0);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
log(`engine: index ${round(indexMs)} ms, match ${round(matchMs)} ms`);

console.log(
  JSON.stringify({
    bench: 'match',
    assets: assets.length,
    advisories: loaded.advisories,
    entries: loaded.entries.length,
    dir: dir ?? null,
    replicate,
    productTypes,
    loadMs: round(loadMs),
    indexMs: round(indexMs),
    matchMs: round(matchMs),
    totalMs: round(totalMs),
    cpuMs: round(engineCpuMs),
    assetsPerSecond: Math.round(assets.length / (totalMs / 1000)),
    matches: counts,
    assetsMatched,
    reasonsRecorded: reasons,
    peakRssMiB: round(peakRss / 2 ** 20),
    maxRssMiB: round(process.resourceUsage().maxRSS / 1024),
    baseline: { exactJoinMs: round(baseline.ms), exactJoinCpuMs: round(baseline.cpuMs), exactJoinMatches: baseline.matches },
    ratio: round(totalMs / baseline.ms, 1),
    cpuRatio: round(engineCpuMs / baseline.cpuMs, 1),
    goalMs: GOAL_MS,
    meetsGoal: totalMs <= GOAL_MS,
    smoke,
    seed,
    ...environment(),
  }),
);
