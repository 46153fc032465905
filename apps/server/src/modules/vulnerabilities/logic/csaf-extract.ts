import { arr, type Json, obj, statedScores, str } from './json.js';
import { modelsInName } from './models.js';
import { parseAffectedVersions } from './ranges.js';
import type { AffectedEntry, ExtractedVulnerability, Extraction, ProductStatus, StatedScore, VersionRange } from './types.js';

/** Every product_status category of CSAF 2.0, in the order the standard lists them. */
export const CSAF_PRODUCT_STATUSES: readonly ProductStatus[] = [
  'first_affected',
  'first_fixed',
  'fixed',
  'known_affected',
  'known_not_affected',
  'last_affected',
  'recommended',
  'under_investigation',
];

/** What a product_tree says about one product id. */
interface ProductFacts {
  productId: string;
  fullName: string;
  vendor: string;
  family: string;
  name: string;
  versionRaw: string;
  /** `product_version` is one exact version; `product_version_range` a range; '' none given. */
  versionKind: 'exact' | 'range' | '';
  models: string[];
  cpes: string[];
  platform?: string;
  /** Other names of the product (for a relationship: the component's name, e.g. `P3 Firmware`). */
  otherNames?: string[];
}

function helperIds(helper: Json | null): { models: string[]; cpes: string[] } {
  if (!helper) return { models: [], cpes: [] };
  const models = [...arr(helper.model_numbers), ...arr(helper.skus)].map(str).filter(Boolean);
  const cpe = str(helper.cpe);
  return { models, cpes: cpe ? [cpe] : [] };
}

/** cpe:2.3:part:vendor:product:version:… → its vendor, product and version (`*`/`-` → ''). */
function fromCpe(cpe: string): { vendor: string; product: string; version: string } | null {
  const p = cpe.split(':');
  if (p[0] !== 'cpe' || p[1] !== '2.3' || p.length < 6) return null;
  const clean = (s: string | undefined) => (s && s !== '*' && s !== '-' ? s.replace(/\\(.)/g, '$1').replace(/_/g, ' ') : '');
  return { vendor: clean(p[3]), product: clean(p[4]), version: clean(p[5]) };
}

/** Walks product_tree.branches, carrying vendor / family / product name / version down each path. */
function walkBranches(
  branches: unknown[],
  path: Omit<ProductFacts, 'productId' | 'fullName' | 'cpes'>,
  out: Map<string, ProductFacts>,
): void {
  for (const raw of branches) {
    const b = obj(raw);
    if (!b) continue;
    const name = str(b.name);
    const next = { ...path, models: [...path.models] };
    switch (str(b.category)) {
      case 'vendor':
        next.vendor = name;
        break;
      case 'product_family':
        next.family = next.family ? `${next.family} ${name}` : name;
        break;
      case 'product_name': {
        const { models, rest } = modelsInName(name);
        next.name = rest || name;
        next.models.push(...models);
        break;
      }
      case 'product_version':
        next.versionRaw = name;
        next.versionKind = 'exact';
        break;
      case 'product_version_range':
        next.versionRaw = name;
        next.versionKind = 'range';
        break;
      default:
        // architecture, language, patch_level, service_pack, … refine the product name.
        break;
    }
    const product = obj(b.product);
    if (product) {
      const id = str(product.product_id);
      const ids = helperIds(obj(product.product_identification_helper));
      if (id)
        out.set(id, {
          ...next,
          productId: id,
          fullName: str(product.name),
          models: unique([...next.models, ...ids.models]),
          cpes: ids.cpes,
        });
    }
    walkBranches(arr(b.branches), next, out);
  }
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function fromFullProductName(fpn: Json): ProductFacts | null {
  const id = str(fpn.product_id);
  if (!id) return null;
  const name = str(fpn.name);
  const ids = helperIds(obj(fpn.product_identification_helper));
  const cpe = ids.cpes[0] ? fromCpe(ids.cpes[0]) : null;
  const { models, rest } = modelsInName(name);
  return {
    productId: id,
    fullName: name,
    vendor: cpe?.vendor ?? '',
    family: '',
    name: cpe?.product || rest || name,
    versionRaw: cpe?.version ?? '',
    versionKind: cpe?.version ? 'exact' : '',
    models: unique([...models, ...ids.models]),
    cpes: ids.cpes,
  };
}

/** Every product the tree defines, by product_id: branches, full_product_names, relationships. */
export function csafProducts(tree: unknown): Map<string, ProductFacts> {
  const t = obj(tree);
  const out = new Map<string, ProductFacts>();
  if (!t) return out;
  walkBranches(arr(t.branches), { vendor: '', family: '', name: '', versionRaw: '', versionKind: '', models: [] }, out);
  for (const raw of arr(t.full_product_names)) {
    const f = obj(raw) && fromFullProductName(raw as Json);
    if (f && !out.has(f.productId)) out.set(f.productId, f);
  }
  // A relationship names a new product: a component (usually firmware, carrying the version)
  // installed on / part of a platform (usually the hardware an asset record names).
  for (const raw of arr(t.relationships)) {
    const r = obj(raw);
    const fpn = obj(r?.full_product_name);
    if (!r || !fpn) continue;
    const id = str(fpn.product_id);
    const component = out.get(str(r.product_reference));
    const platform = out.get(str(r.relates_to_product_reference));
    if (!id || !component) continue;
    const platformName = platform ? [platform.family, platform.name].filter(Boolean).join(' ') : '';
    out.set(id, {
      productId: id,
      fullName: str(fpn.name),
      vendor: platform?.vendor || component.vendor,
      family: platform ? platform.family : component.family,
      name: platform ? platform.name : component.name,
      versionRaw: component.versionRaw,
      versionKind: component.versionKind,
      models: unique([...(platform?.models ?? []), ...component.models]),
      cpes: unique([...(platform?.cpes ?? []), ...component.cpes]),
      platform: platformName ? `${str(r.category) || 'installed_on'} ${platformName}` : undefined,
      otherNames: platform ? [[component.family, component.name].filter(Boolean).join(' ')] : [],
    });
  }
  return out;
}

/** Ranges are shared between entries with the same text so that range checks can be cached. */
function rangeFor(cache: Map<string, VersionRange>, facts: ProductFacts): VersionRange {
  const key = `${facts.versionKind}\u0000${facts.versionRaw}`;
  let r = cache.get(key);
  if (!r) {
    if (facts.versionKind === '') r = { raw: '', origin: 'csaf_name', kind: 'all', anyOf: [], note: 'the product names no version' };
    else if (facts.versionKind === 'exact' && !/^vers:/i.test(facts.versionRaw)) {
      // One exact version, or several written as a list (`R130.2 | R140 | R150`): each means equality.
      const listed = facts.versionRaw.split(/\s*\|\s*/).filter(Boolean);
      r = { raw: facts.versionRaw, origin: 'csaf_name', kind: 'any_of', anyOf: listed.map((version) => [{ op: '=', version }]) };
    } else r = parseAffectedVersions(facts.versionRaw, /^vers:/i.test(facts.versionRaw) ? 'csaf_vers' : 'csaf_name');
    cache.set(key, r);
  }
  return r;
}

/**
 * `first_affected` / `last_affected` / `first_fixed` name one version that starts or ends a run:
 * affected from V on, up to V, fixed from V on. An exact version becomes that half-open bound.
 */
function boundFor(status: ProductStatus, r: VersionRange): VersionRange {
  const only = r.kind === 'any_of' && r.anyOf.length === 1 && r.anyOf[0]?.length === 1 ? r.anyOf[0][0] : undefined;
  if (!only || only.op !== '=') return r;
  const op = status === 'last_affected' ? '<=' : status === 'first_affected' || status === 'first_fixed' ? '>=' : null;
  return op ? { ...r, anyOf: [[{ op, version: only.version }]], note: `${status} ${only.version}` } : r;
}

function vulnerabilityIdOf(v: Json, trackingId: string, index: number, total: number): string {
  const cve = str(v.cve);
  if (cve) return cve.toUpperCase();
  const firstId = str(obj(arr(v.ids)[0])?.text);
  if (firstId) return firstId;
  return total === 1 ? trackingId : `${trackingId}#${index + 1}`;
}

function scoresOf(v: Json, vulnerabilityId: string): StatedScore[] {
  const out: StatedScore[] = [];
  for (const raw of arr(v.scores)) {
    const s = obj(raw);
    if (!s) continue;
    const productIds = arr(s.products).map(str).filter(Boolean);
    out.push(...statedScores(s, ['cvss_v4', 'cvss_v3', 'cvss_v2'], vulnerabilityId, productIds));
  }
  return out;
}

/**
 * Every (vulnerability × product × status) fact of a CSAF 2.0 advisory, with each product's
 * vendor, name, model numbers and version range taken from the product tree, plus the stated
 * CVSS scores. Tolerates missing parts (they become warnings); never throws on odd input.
 */
export function extractCsafAffected(doc: unknown): Extraction {
  const d = obj(doc) ?? {};
  const trackingId = str(obj(obj(d.document)?.tracking)?.id) || 'unknown-advisory';
  const products = csafProducts(d.product_tree);
  const warnings: string[] = [];
  const entries: AffectedEntry[] = [];
  const scores: StatedScore[] = [];
  const vulnerabilities: ExtractedVulnerability[] = [];
  const ranges = new Map<string, VersionRange>();
  const vulns = arr(d.vulnerabilities);
  vulns.forEach((raw, index) => {
    const v = obj(raw);
    if (!v) return;
    const id = vulnerabilityIdOf(v, trackingId, index, vulns.length);
    const vuln: ExtractedVulnerability = { id };
    if (str(v.cve)) vuln.cve = str(v.cve).toUpperCase();
    if (str(v.title)) vuln.title = str(v.title);
    if (str(obj(v.cwe)?.id)) vuln.cwe = str(obj(v.cwe)?.id);
    vulnerabilities.push(vuln);
    scores.push(...scoresOf(v, id));
    const status = obj(v.product_status) ?? {};
    for (const category of CSAF_PRODUCT_STATUSES) {
      for (const pid of arr(status[category]).map(str)) {
        const facts = products.get(pid);
        if (!facts) {
          warnings.push(`${id}: product_status.${category} names product ${pid}, which the product tree does not define`);
          continue;
        }
        const product = [facts.family, facts.name].filter(Boolean).join(' ') || facts.fullName;
        if (!facts.vendor) warnings.push(`${id}: product ${pid} (${facts.fullName}) has no vendor`);
        const entry: AffectedEntry = {
          source: 'csaf',
          advisoryId: trackingId,
          vulnerabilityId: id,
          productId: pid,
          vendor: facts.vendor,
          product,
          // The full name is left out: it repeats the vendor and carries the version.
          productNames: unique([facts.name, ...(facts.otherNames ?? [])].filter((n) => n && n !== product)),
          fullName: facts.fullName,
          models: facts.models,
          cpes: facts.cpes,
          versionRaw: facts.versionRaw,
          range: boundFor(category, rangeFor(ranges, facts)),
          status: category,
        };
        if (facts.platform) entry.platform = facts.platform;
        entries.push(entry);
      }
    }
  });
  return { advisoryId: trackingId, vulnerabilities, entries, scores, warnings };
}

/**
 * A stored CSAF entry's range read again by today's rules (ranges are stored as read at import):
 * `vers:` and free-text ranges are parsed anew, an exact version list is split at `|`, and the
 * status bound is applied as at import. CVE entries and ranges of unknown shape stay as stored.
 */
export function currentRange(entry: Pick<AffectedEntry, 'source' | 'versionRaw' | 'range' | 'status'>): VersionRange {
  const { range, versionRaw } = entry;
  if (entry.source !== 'csaf' || !range || typeof range !== 'object') return range;
  if (range.kind === 'all' && range.raw === '') return range;
  const exact = range.kind === 'any_of' && range.anyOf.length === 1 && range.anyOf[0]?.length === 1 && range.anyOf[0][0]?.op === '=';
  if (exact && range.anyOf[0]?.[0]?.version === versionRaw && !/^vers:/i.test(versionRaw))
    return rangeFor(new Map(), { versionKind: 'exact', versionRaw } as ProductFacts);
  if (/^vers:/i.test(versionRaw)) return boundFor(entry.status, parseAffectedVersions(versionRaw, 'csaf_vers'));
  if (range.origin === 'csaf_name') return boundFor(entry.status, parseAffectedVersions(versionRaw, 'csaf_name'));
  return range;
}
