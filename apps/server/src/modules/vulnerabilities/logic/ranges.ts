import type { ConstraintOp, CveVersionEntry, RangeCheck, RangeOrigin, VersionConstraint, VersionRange } from './types.js';
import { compareVersions, parseVersion } from './versions.js';

const MAX_RANGE_LENGTH = 300;

/** Words meaning "every version". */
const ALL = /^(?:\*|all|all versions?|any|any versions?|every version|alle versionen|所有版本|全部版本|全版本|所有)$/i;

/** Values CVE records use for "we do not know the version". */
const UNSPECIFIED = /^(?:unspecified|unknown|n\/?a|none|-|0\.0\.0-unspecified|未知)$/i;

/** Free-text suffixes and prefixes vendors write around one version, with the operator they mean. */
const SUFFIX_FORMS: [RegExp, ConstraintOp][] = [
  [/^(.+?)\s*(?:and|or|&)\s*(?:prior|earlier|older|below|lower|before)(?:\s+versions?)?$/i, '<='],
  [/^(.+?)\s*(?:and|or|&)\s*(?:later|newer|above|higher|after)(?:\s+versions?)?$/i, '>='],
  [/^(.+?)\s*(?:及|和|或)?(?:之前|以前|以下|更早)(?:的)?(?:所有)?(?:版本)?$/, '<='],
  [/^(.+?)\s*(?:及|和|或)?(?:之后|以后|以上|更新)(?:的)?(?:所有)?(?:版本)?$/, '>='],
  [/^(.+?)\s*\+$/, '>='],
];
const PREFIX_FORMS: [RegExp, ConstraintOp][] = [
  [/^(?:all\s+)?(?:versions?\s+)?(?:prior\s+to|before|earlier\s+than|older\s+than|lower\s+than|below|less\s+than)\s+(.+)$/i, '<'],
  [/^(?:all\s+)?(?:versions?\s+)?(?:up\s+to(?:\s+and\s+including)?|through|until|to)\s+(.+)$/i, '<='],
  [/^(?:all\s+)?(?:versions?\s+)?(?:from|since|starting\s+(?:with|from)|after)\s+(.+?)(?:\s+(?:onwards|on))?$/i, '>='],
  [/^(?:all\s+)?(?:versions?\s+)?(?:later\s+than|newer\s+than|greater\s+than|higher\s+than)\s+(.+)$/i, '>'],
  [/^(?:低于|早于|小于)\s*(.+)$/, '<'],
];

const OP = /^(<=|>=|!=|==|=|<|>|≤|≥|＜|＞|＝)\s*/;
const OP_ALIASES: Record<string, ConstraintOp> = { '≤': '<=', '≥': '>=', '＜': '<', '＞': '>', '＝': '=', '==': '=' };

function range(raw: string, origin: RangeOrigin, anyOf: VersionConstraint[][], extra: Partial<VersionRange> = {}): VersionRange {
  return { raw, origin, kind: 'any_of', anyOf, ...extra };
}
function allVersions(raw: string, origin: RangeOrigin, note?: string, scheme?: string): VersionRange {
  return { raw, origin, kind: 'all', anyOf: [], ...(note ? { note } : {}), ...(scheme ? { scheme } : {}) };
}
function unknown(raw: string, origin: RangeOrigin, note: string, scheme?: string): VersionRange {
  return { raw, origin, kind: 'unknown', anyOf: [], note, ...(scheme ? { scheme } : {}) };
}

/**
 * `version` must look like a version for a free-text form to count: a number first (words before
 * it make a sentence), no list separators. Revision codes without digits (`FB`) count only after
 * an explicit operator (`codes`), since a bare short word is usually English (`up`, `to`).
 */
function versionLike(s: string, codes = false): boolean {
  if (s.length === 0 || /[,;，；、]/.test(s)) return false;
  const v = parseVersion(s);
  const first = v.tokens[0];
  if (!v.ok || first === undefined) return false;
  if (first.kind === 'word') return first.value.startsWith('#') && (codes || /\d/.test(s));
  return true;
}

/** `<V3.2_SP2`, `>= 13.1`, `=8.2`, or a bare version (meaning that version exactly). */
function readConstraint(part: string): VersionConstraint | null {
  const p = part.trim();
  const m = OP.exec(p);
  if (m) {
    const written = m[1] as string;
    const op = (OP_ALIASES[written] ?? written) as ConstraintOp;
    const version = p.slice(m[0].length).trim();
    return versionLike(version, true) ? { op, version } : null;
  }
  return versionLike(p) ? { op: '=', version: p } : null;
}

/** An operator that follows a version without a separator: `>=V5.4<V5.5 SP1` is two constraints. */
const BACK_TO_BACK = /(?<=[^\s<>=!≤≥＜＞＝])\s*(?=<=|>=|!=|==|[<>≤≥＜＞])/;

/**
 * One written constraint, or several written back to back (`>=V5.4<V5.5 SP1`): those form one
 * interval — every one of them must hold (#13 item 3), not only the first with a garbled bound.
 */
function readConstraints(part: string): VersionConstraint[] | null {
  const pieces = part.trim().split(BACK_TO_BACK).filter(Boolean);
  const out: VersionConstraint[] = [];
  for (const piece of pieces) {
    const c = readConstraint(piece);
    if (!c) return null;
    out.push(c);
  }
  return out.length ? out : null;
}

/**
 * A `|`-list in `vers:` order: a lower bound opens an interval, the next upper bound closes it,
 * `=` stands alone, `!=` excludes everywhere (the vers specification's reading). Constraints
 * written back to back arrive as one group: an interval of their own.
 */
function intervals(items: Array<VersionConstraint | VersionConstraint[]>): VersionConstraint[][] {
  const flat = items.flatMap((i) => (Array.isArray(i) ? i : [i]));
  const out: VersionConstraint[][] = [];
  const excluded = flat.filter((c) => c.op === '!=');
  let open: VersionConstraint | null = null;
  for (const item of items) {
    if (Array.isArray(item) && item.length > 1) {
      if (open) out.push([open]);
      open = null;
      const bounds = item.filter((c) => c.op !== '!=');
      if (bounds.length) out.push(bounds);
      continue;
    }
    const c = Array.isArray(item) ? (item[0] as VersionConstraint) : item;
    if (c.op === '!=') continue;
    if (c.op === '=') {
      if (open) out.push([open]);
      open = null;
      out.push([c]);
    } else if (c.op === '>' || c.op === '>=') {
      if (open) out.push([open]);
      open = c;
    } else {
      out.push(open ? [open, c] : [c]);
      open = null;
    }
  }
  if (open) out.push([open]);
  if (out.length === 0 && excluded.length) out.push([]);
  return out.map((conj) => [...conj, ...excluded]);
}

/** `1.0 - 2.0`, `1.0 to 2.0`, `13.1.0-13.1.2` (both sides must start with a digit or V+digit). */
function hyphenRange(s: string): VersionConstraint[] | null {
  const spaced = /^(.+?)\s+(?:-|–|to|through|~|～|至|到)\s+(.+)$/i.exec(s) ?? /^(.+?)\s*(?:~|～|至|到)\s*(.+)$/.exec(s);
  const bare = spaced ? null : /^([vV]?\d[\w.]*)-([vV]?\d[\w.]*)$/.exec(s);
  const m = spaced ?? bare;
  if (!m) return null;
  const [lo, hi] = [(m[1] as string).trim(), (m[2] as string).trim()];
  if (!versionLike(lo) || !versionLike(hi)) return null;
  if (bare && !/\./.test(lo) && !/\./.test(hi)) return null;
  return [
    { op: '>=', version: lo },
    { op: '<=', version: hi },
  ];
}

/** `4.x`, `V2.*`: every version that starts with the given numbers. */
function wildcardVersion(s: string): VersionConstraint[] | null {
  const m = /^([vV]?\d+(?:\.\d+)*)\.(?:x|X|\*)$/.exec(s);
  if (!m) return null;
  const nums = (m[1] as string).replace(/^[vV]/, '').split('.');
  const last = nums.length - 1;
  const upper = [...nums.slice(0, last), String(Number(nums[last]) + 1)].join('.');
  return [
    { op: '>=', version: m[1] as string },
    { op: '<', version: upper },
  ];
}

/** One free-text alternative (no top-level `,` or `;`). */
function readFreeAlternative(s: string): VersionConstraint[][] | null {
  const t = s
    .trim()
    .replace(/^(?:all\s+versions?|versions?|version|所有版本|全部版本)\s*(?=[<>≤≥＜＞=!])/i, '')
    .trim();
  if (t === '') return null;
  if (ALL.test(t)) return [[]];
  const wildcard = wildcardVersion(t);
  if (wildcard) return [wildcard];
  // Operators joined by `|`, `and`, `&&` or spaces: `>=V13.1.0|<13.1.2`, `>= V1.0 and < V2.0`.
  if (/[<>≤≥＜＞=]/.test(t)) {
    const parts = t
      .split(/\s*(?:\||&&|\band\b|\s(?=[<>≤≥＜＞=!]))\s*/i)
      .map((p) => p.trim())
      .filter(Boolean);
    const constraints = parts.map(readConstraints);
    if (constraints.some((c) => c === null)) return null;
    return intervals(constraints as VersionConstraint[][]);
  }
  const hyphen = hyphenRange(t);
  if (hyphen) return [hyphen];
  for (const [re, op] of PREFIX_FORMS) {
    const m = re.exec(t);
    if (m && versionLike((m[1] as string).trim())) return [[{ op, version: (m[1] as string).trim() }]];
  }
  for (const [re, op] of SUFFIX_FORMS) {
    const m = re.exec(t);
    if (m && versionLike((m[1] as string).trim())) return [[{ op, version: (m[1] as string).trim() }]];
  }
  const exact = readConstraint(t);
  return exact ? [[exact]] : null;
}

function readFreeText(raw: string, origin: RangeOrigin): VersionRange {
  const s = raw.normalize('NFKC').trim();
  if (s === '') return unknown(raw, origin, 'no version given');
  if (ALL.test(s)) return allVersions(raw, origin);
  if (UNSPECIFIED.test(s)) return unknown(raw, origin, 'version unspecified');
  const whole = readFreeAlternative(s);
  if (whole) return whole.some((c) => c.length === 0) ? allVersions(raw, origin) : range(raw, origin, whole);
  // `V1.0, V1.2; 2.x` — several alternatives.
  const pieces = s.split(/\s*[,;，；、]\s*|\s+or\s+/i).filter(Boolean);
  if (pieces.length > 1) {
    const anyOf: VersionConstraint[][] = [];
    for (const piece of pieces) {
      const alt = readFreeAlternative(piece);
      if (!alt) return unknown(raw, origin, `cannot read "${piece}" as a version or range`);
      if (alt.some((c) => c.length === 0)) return allVersions(raw, origin);
      anyOf.push(...alt);
    }
    return range(raw, origin, anyOf);
  }
  return unknown(raw, origin, `cannot read "${s}" as a version or range`);
}

/** `vers:<scheme>/<constraints>` (CISA also writes the non-standard scheme `all`). */
function readVers(raw: string, origin: RangeOrigin): VersionRange {
  const m = /^vers:([a-z0-9.+-]+)\/(.*)$/i.exec(raw.trim());
  if (!m) return unknown(raw, origin, 'a vers: string needs the form vers:<scheme>/<constraints>');
  const scheme = (m[1] as string).toLowerCase();
  const body = (m[2] as string).trim();
  if (body === '*' || body === '')
    return body === '*' ? allVersions(raw, origin, undefined, scheme) : unknown(raw, origin, 'vers: without constraints', scheme);
  const constraints = body.split('|').map((p) => readConstraints(decodeURIComponentSafe(p)));
  const bad = constraints.indexOf(null);
  if (bad >= 0) return unknown(raw, origin, `cannot read vers constraint "${body.split('|')[bad]}"`, scheme);
  return range(raw, origin, intervals(constraints as VersionConstraint[][]), { scheme });
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function readCveEntry(entry: CveVersionEntry): VersionRange {
  const version = typeof entry.version === 'string' ? entry.version.trim() : '';
  const scheme = entry.versionType;
  const bound = entry.lessThan ?? entry.lessThanOrEqual;
  const raw = [
    version,
    entry.lessThan !== undefined ? `< ${entry.lessThan}` : '',
    entry.lessThanOrEqual !== undefined ? `<= ${entry.lessThanOrEqual}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const extra = scheme ? { scheme } : {};
  if (bound === undefined) {
    const r = readFreeText(version, 'cve');
    return { ...r, raw: version, ...extra };
  }
  const upperOp: ConstraintOp = entry.lessThan !== undefined ? '<' : '<=';
  const upper = String(bound).trim();
  const openLower = version === '' || version === '0' || version === '*' || UNSPECIFIED.test(version) || ALL.test(version);
  if (upper === '*' || upper === '') {
    if (openLower) return allVersions(raw, 'cve', 'lower bound 0 and no upper bound', scheme);
    return versionLike(version)
      ? range(raw, 'cve', [[{ op: '>=', version }]], extra)
      : unknown(raw, 'cve', `cannot read "${version}" as a version`, scheme);
  }
  if (!versionLike(upper)) return unknown(raw, 'cve', `cannot read "${upper}" as a version`, scheme);
  if (openLower) return range(raw, 'cve', [[{ op: upperOp, version: upper }]], extra);
  if (!versionLike(version)) return unknown(raw, 'cve', `cannot read "${version}" as a version`, scheme);
  return range(
    raw,
    'cve',
    [
      [
        { op: '>=', version },
        { op: upperOp, version: upper },
      ],
    ],
    extra,
  );
}

/**
 * Reads an affected-versions statement as it was written: a CSAF `vers:` string, the free forms
 * vendors put in CSAF product names (`<V3.2_SP2`, `V2.0 and prior`, `All versions`), or a CVE
 * JSON 5 `versions[]` item. Keeps the raw text; never throws (unreadable → kind `unknown`).
 */
export function parseAffectedVersions(raw: string | CveVersionEntry | null | undefined, origin: RangeOrigin): VersionRange {
  try {
    if (raw !== null && typeof raw === 'object') return readCveEntry(raw);
    const text = typeof raw === 'string' ? raw : '';
    if (text.length > MAX_RANGE_LENGTH) return unknown(text, origin, `version text longer than ${MAX_RANGE_LENGTH} characters`);
    if (/^vers:/i.test(text.trim())) return readVers(text, origin === 'cve' ? 'cve' : 'csaf_vers');
    return readFreeText(text, origin);
  } catch (e) {
    return unknown(typeof raw === 'string' ? raw : JSON.stringify(raw), origin, `unreadable: ${(e as Error).message}`);
  }
}

function holds(op: ConstraintOp, c: -1 | 0 | 1): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
  }
}

/** Human-readable constraint list, e.g. `>= V13.1.0 and < 13.1.2`. */
export function describeRange(r: VersionRange): string {
  if (r.kind === 'all') return 'all versions';
  if (r.kind === 'unknown') return `"${r.raw}" (${r.note ?? 'unreadable'})`;
  return r.anyOf.map((conj) => conj.map((c) => `${c.op} ${c.version}`).join(' and ')).join(' or ');
}

/**
 * Whether `version` lies in `range`: `affected` (inside), `not_affected` (outside), or
 * `needs_review` when the range or the version cannot be read or compared. Never throws.
 */
export function rangeContains(r: VersionRange, version: string | null | undefined): RangeCheck {
  if (r.kind === 'all') return { result: 'affected', reason: `all versions are affected (${JSON.stringify(r.raw)})` };
  if (r.kind === 'unknown') return { result: 'needs_review', reason: `affected versions ${describeRange(r)}` };
  const v = typeof version === 'string' ? version.trim() : '';
  if (v === '') return { result: 'needs_review', reason: `asset has no version; affected: ${describeRange(r)}` };
  const parsed = parseVersion(v);
  if (!parsed.ok)
    return { result: 'needs_review', reason: `version "${v}" cannot be read (${parsed.reason}); affected: ${describeRange(r)}` };
  let undecided: string | null = null;
  for (const conj of r.anyOf) {
    let ok: boolean | null = true;
    let why = '';
    for (const c of conj) {
      const cmp = compareVersions(parsed, c.version);
      if (cmp === null) {
        ok = null;
        why ||= `cannot compare "${v}" with "${c.version}"`;
        continue;
      }
      if (!holds(c.op, cmp)) {
        ok = false;
        break;
      }
    }
    if (ok === true) return { result: 'affected', reason: `version "${v}" is in ${describeRange(r)}` };
    if (ok === null) undecided ??= why;
  }
  if (undecided) return { result: 'needs_review', reason: `${undecided}; affected: ${describeRange(r)}` };
  return { result: 'not_affected', reason: `version "${v}" is outside ${describeRange(r)}` };
}
