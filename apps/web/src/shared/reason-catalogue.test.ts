import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REASON_CODES } from '@suilian/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestI18n } from '../i18n/testing';

const SERVER_SRC = resolve(__dirname, '../../../server/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The literal reason codes of every `refusal(CODE, 'domain.rule', …)` call in the server's sources. */
function refusalCodesInServer(): string[] {
  const found = new Set<string>();
  for (const file of sources(SERVER_SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/refusal\(\s*'[A-Z_]+',\s*'([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)'/g))
      if (match[1]) found.add(match[1]);
  }
  return [...found].sort();
}

/** What a sentence shows when a placeholder or a nested label was not resolved: `{{x}}`, `$t(…)` or the label's key. */
const UNRESOLVED =
  /\$t\(|\{\{|\b(reasons|reportingAdmin|reporting|projectStates|projectActions|roles|orgKinds|progressReports|vulnerabilities)\.[a-zA-Z_.]+/;

let i18n: Awaited<ReturnType<typeof createTestI18n>>;
beforeAll(async () => {
  i18n = await createTestI18n();
});

/** Sample values for the parameters reasons name, so nested labels ($t(projectStates.{{state}})) resolve. */
const SAMPLE_PARAMS = {
  // a state and an action that projects and reporting forms both have
  state: 'approved',
  action: 'approve',
  role: 'expert',
  kind: 'enterprise',
  status: 'ready',
  code: 'T-APP-1',
  users: 'T-APP-2',
  prefix: '20.500.12345',
  since: '2026-01-16',
  until: '2026-02-01',
  record: 'R1',
  column: '名称',
  max: 32767,
  attemptsLeft: 3,
  name: '分类合计',
  operator: 'greater_than_or_equal_to',
  side: 'left',
  strategy: 'NEVER_SKIP',
  type: 'text',
  problem: 'division_by_zero',
  position: 34,
  found: '+',
  expected: "')'",
  char: '；',
  ascii: ';',
  got: 2,
  usage: 'if(condition, a, b)',
  opener: '#{',
  part: '#{A} > 0',
  option: 'X',
  dataSet: 'DISTRICT_MONTHLY',
  left: '120',
  right: null,
  asset: '西门子',
  canonical: 'Siemens',
  alias: '西门子',
  score: 0.91,
  model: '6ES7 214',
  listed: '6ES7 214',
  models: '6ES7 214、6ES7 215',
  pattern: '6ES7 21*',
  product: 'SIMATIC S7-1200',
  display: 'SIMATIC S7-1200',
  advisory: 'CVE-2026-0001',
  version: '4.5',
  list: '4.4, 4.5',
  line: 'V7.5',
  fixed: 'V7.5 SP2 Update 15',
  versions: 'vers:all/<V7.5 SP2 Update 15',
  result: 'needs_review',
  affected: 'CVE-2026-0001',
  affectedStatus: 'known_affected',
  notAffected: 'CVE-2026-0002',
  notAffectedStatus: 'known_not_affected',
  submitter: 'demo.huangpu',
  district: '黄埔区',
  handle: '88.118.8/ci-sync',
  // a CSAF directory import's per-file rejections and limits (#13 item 4)
  file: 'OT/white/2024/icsa-24-001-01.json',
  problems: 3,
  maxMegabytes: 512,
  basis: '穗工信〔2026〕88号',
  endsOn: '2029-04-30',
  // special funds' amounts and windows (#16 item 1)
  ceiling: '800000.00',
  disbursed: '300000.00',
  remaining: '250000.00',
  count: 2,
  opensOn: '2026-05-01',
  closesOn: '2026-06-30',
  // an export beyond the row cap (#12 item 7)
  total: 50_001,
  // a white paper edition already drafted for the period (#16 item 4)
  number: '穗联白皮书〔2026〕第1号',
  // an SLA test file's bad cell, iperf3's own error, the month and the format it looks like (#14 item 3)
  min: -156,
  detail: 'unable to connect to server: Connection refused',
  period: '2026-11',
  unit: 's',
  format: 'iperf3',
};

/** The matcher's `status` is a product status (known_affected…), a progress report's a report status. */
const paramsFor = (code: string) => (code.startsWith('matching.') ? { ...SAMPLE_PARAMS, status: 'known_affected' } : SAMPLE_PARAMS);

describe('every reason code the server can send is worded (#12 item 3)', () => {
  const codes = [...new Set([...REASON_CODES, ...refusalCodesInServer()])].sort();

  it('finds the refusals in the server sources', () => {
    expect(refusalCodesInServer()).toContain('token.already_revoked');
    expect(codes.length).toBeGreaterThan(40);
  });

  it.each(['zh-CN', 'en-US'])('has a sentence for each code in %s, with every label found', (locale) => {
    const t = i18n.getFixedT(locale) as unknown as (key: string, options: object) => string;
    const missing = codes.filter((code) => {
      const text = t(`reasons.${code}`, { ...paramsFor(code), defaultValue: '' });
      return !text || text === `reasons.${code}` || UNRESOLVED.test(text);
    });
    expect(missing).toEqual([]);
  });

  it('words the zh-CN sentences in Chinese', () => {
    const t = i18n.getFixedT('zh-CN') as unknown as (key: string, options: object) => string;
    const latin = codes.filter((code) => !/[\u4e00-\u9fff]/.test(t(`reasons.${code}`, paramsFor(code))));
    expect(latin).toEqual([]);
  });
});
