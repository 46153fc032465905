// What a zh-CN page may show in Latin script (issue #12 item 3): codes, identifiers, units and names
// that come with the data. Everything else written in Latin letters is English text or a raw code
// that reached the user, which the zh-CN crawler reports.

/** A piece of text the crawler refuses, with the line it stood in. */
export interface Offence {
  token: string;
  kind: 'enum' | 'latin';
  line: string;
}

/**
 * Tokens that are allowed in Chinese text, each with why. Acronyms (all capitals, ≤ 6 letters, digits
 * allowed: 5G, IT/OT/DMZ, CVSS, PDF, SLA, TOTP …) pass without being listed: they are how Chinese
 * officials write those things too.
 */
export const ALLOWED_WORDS: Readonly<Record<string, string>> = {
  Suilian: 'the product name beside 穗联 in the header',
  RedCap: '5G RedCap, the name of the technology (standards and products in the data)',
  jaska: 'the copyright holder named in the base map credit (© 2017 jaska, MIT licence)',
  xlsx: 'file extension the upload hint names (.xlsx)',
  csv: 'file extension',
  Excel: 'product name: the import/export format the console names',
  Handle: 'the Handle System, the identifier technology the 标识解析 pages are about',
  Handles: 'the Handle System (plural in the data sources)',
  Wi: 'Wi-Fi 6 (technology name in demo data)',
  Fi: 'Wi-Fi 6 (technology name in demo data)',
  ECharts: 'chart library credit in the exported PNG toolbar',
  Chromium: 'browser name',
  CSAF: 'the advisory format (product of OASIS)',
  OpenAPI: 'the API description format named on the token page',
  Android: 'OS name in asset data',
  Linux: 'OS name in asset data',
  Windows: 'OS name in asset data',
  Modbus: 'industrial protocol name in asset data',
  Profinet: 'industrial protocol name in asset data',
  EtherCAT: 'industrial protocol name in asset data',
  Siemens: 'vendor name in asset and advisory data',
  Schneider: 'vendor name in asset and advisory data',
  Electric: 'vendor name (Schneider Electric) in advisory data',
  Rockwell: 'vendor name in asset and advisory data',
  Automation: 'vendor name (Rockwell Automation) in advisory data',
  Huawei: 'vendor name in asset data',
  Moxa: 'vendor name in asset and advisory data',
  Mitsubishi: 'vendor name in asset data',
  Omron: 'vendor name in asset data',
  Hikvision: 'vendor name in asset data',
  SIMATIC: 'product family in asset and advisory data',
  Logix: 'product name (ControlLogix / CompactLogix) in asset data',
  ControlLogix: 'product name in asset data',
  CompactLogix: 'product name in asset data',
  Modicon: 'product name in asset data',
  Nport: 'product name (Moxa NPort) in asset data',
  NPort: 'product name (Moxa NPort) in asset data',
  FactoryTalk: 'product name in advisory data',
  WinCC: 'product name in advisory data',
  EcoStruxure: 'product name in advisory data',
  iSCSI: 'protocol name',
  km: 'unit',
  kg: 'unit',
  ms: 'unit',
  kW: 'unit',
  kWh: 'unit',
  MHz: 'unit',
  GHz: 'unit',
  Gbps: 'unit',
  Mbps: 'unit',
  px: 'unit (PNG size)',
  v: 'version prefix (v1.2)',
  x: 'multiplication sign written as a letter in sizes',
};

/** Latin runs: letters with digits, dots, hyphens, underscores and slashes inside. */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9_.\-/:@]*[A-Za-z0-9_]|[A-Za-z]/g;

/** Data-borne tokens that are not words at all: identifiers, addresses, versions, ids. */
const DATA_SHAPES: RegExp[] = [
  /^CVE-\d{4}-\d+$/i, // vulnerability ids
  /^(CNVD|CNNVD)-\d{4}-\d+$/i, // Chinese vulnerability ids
  /^[A-Z]{2,}SA-\d{4}-\d+/i, // advisory ids (ICSA-24-…, SSA-…)
  /^\d+(\.\d+)+\/\S+$/, // handles: 86.100.1/…
  /^[\w.-]+@[\w.-]+$/, // e-mail addresses
  /^https?:\/\//, // links
  /^([\w-]+\.)+(com|cn|org|net|gov|io|local|example)(\/\S*)?$/i, // host names
  /^\d+(\.\d+){1,3}$/, // numbers, versions, IPv4
  /^v?\d+(\.\d+)*[a-z]?$/i, // versions
  /^[\da-f]{8,}$/i, // hashes and id prefixes
  /^[\da-f]{8}-/i, // uuids
  /^[0-9A-HJ-NP-RTUWXY]{18}$/, // unified social credit codes
  /^\d/, // anything starting with a digit: amounts, dates, 5G, 202601 …
  /^[\w.-]+\.(xlsx|csv|pdf|png|json|txt|zip)$/i, // file names
  /^T-[A-Z]{2,4}-\d+$/, // target codes of the plan (T-APP-1): programme identifiers users quote
  /^[A-Z]{2,}\d{6,}$/, // record numbers: 项目编号 XM2026000179
  /^(?=[A-Z0-9-]*\d)[A-Z0-9]+(-[A-Z0-9]+)*$/, // model and firmware numbers: GZ-TERMINAL-100, V300R019C10, 2800S
  /^[A-Z]\.\d+$/, // ITU-T recommendation numbers: Y.3637
];

/** Data shapes that would otherwise look like dotted codes. */
const DATA_BEFORE_ENUM: RegExp[] = [
  /^demo\.[a-z]+\d*$/, // demo user names: an account's login name is data
];

/** snake_case, dotted.codes, SCREAMING_CASE: a code that should have been a name. */
function enumShaped(token: string): boolean {
  return (
    /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(token) ||
    /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9_]*)+$/.test(token) ||
    /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(token)
  );
}

/** Every offending Latin token of a text, once per token and line. */
export function latinOffences(text: string, extraAllowed: readonly string[] = []): Offence[] {
  const out: Offence[] = [];
  const seen = new Set<string>();
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    for (const match of line.matchAll(TOKEN)) {
      const token = match[0].replace(/[.:/-]+$/, '');
      if (!/[A-Za-z]/.test(token) || seen.has(`${token}\n${line}`)) continue;
      if (DATA_BEFORE_ENUM.some((shape) => shape.test(token))) continue;
      const kind = enumShaped(token) ? 'enum' : isAllowed(token, extraAllowed) ? null : 'latin';
      if (!kind) continue;
      seen.add(`${token}\n${line}`);
      out.push({ token, kind, line: line.length > 120 ? `${line.slice(0, 119)}…` : line });
    }
  }
  return out;
}

function isAllowed(token: string, extraAllowed: readonly string[]): boolean {
  if (DATA_SHAPES.some((shape) => shape.test(token))) return true;
  // Acronyms and codes in capitals (5G, OT, CVSS, HS_ADMIN is enum-shaped and caught before).
  if (/^[A-Z][A-Z0-9]{0,5}$/.test(token)) return true;
  // Compound tokens (Wi-Fi, S7-1500, SIMATIC/WinCC): every part must pass.
  const parts = token.split(/[-/]/).filter(Boolean);
  if (parts.length > 1) return parts.every((p) => !/[A-Za-z]/.test(p) || isAllowed(p, extraAllowed));
  return token in ALLOWED_WORDS || extraAllowed.includes(token);
}
