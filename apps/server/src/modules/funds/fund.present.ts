import {
  awardCeiling,
  type EligibilityFacts,
  type FundApplication,
  type FundApplicationSummary,
  type FundProgramme,
  type FundReason,
  judgeEligibility,
  wanToYuan,
} from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import { fundStepsFor } from './fund.policy.js';
import { createFundRepo, type FundApplicationRow, type FundProgrammeRow } from './fund.repo.js';

/** numeric as PostgreSQL returns it ("12.50") → two decimals always. */
export const money = (value: string): string => {
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole}.${`${fraction}00`.slice(0, 2)}`;
};

/** The window of a programme on a day. */
export function windowOf(p: Pick<FundProgrammeRow, 'opensOn' | 'closesOn'>, today: string): FundProgramme['window'] {
  if (today < p.opensOn) return 'upcoming';
  return today > p.closesOn ? 'closed' : 'open';
}

/** A programme with its budgets and figures. */
export async function presentProgramme(db: DbOrTx, row: FundProgrammeRow, today: string): Promise<FundProgramme> {
  const repo = createFundRepo(db);
  const budgets = await repo.budgetsOf(row.id);
  const figures = await repo.programmeFigures(row.id);
  return {
    id: row.id,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    policyBasis: row.policyBasis,
    description: row.description,
    budgets: budgets.map((b) => ({ year: b.year, amount: money(b.amount) })),
    eligibility: row.eligibility,
    awardRule: row.awardRule,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    publicityDays: row.publicityDays,
    window: windowOf(row, today),
    awardedTotal: money(figures.awardedTotal),
    applicationCount: figures.applicationCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The facts an application is judged on, read now. */
export async function factsOf(
  db: DbOrTx,
  row: Pick<FundApplicationRow, 'projectId' | 'factoryId' | 'networkId' | 'selectionApplicationId'>,
): Promise<EligibilityFacts> {
  const facts = await createFundRepo(db).projectFacts(row.projectId);
  if (!facts) throw notFound('project');
  return {
    projectState: facts.state,
    districtId: facts.districtId,
    districtName: facts.districtName,
    sizeClass: facts.sizeClass,
    honourTypes: facts.honourTypes,
    investment5gYuan: facts.investment5g === null ? null : wanToYuan(facts.investment5g),
    links: { factory: !!row.factoryId, network: !!row.networkId, selection: !!row.selectionApplicationId },
  };
}

/** Eligibility reasons and the award ceiling of an application under its programme, judged now. */
export async function judge(db: DbOrTx, programme: FundProgrammeRow, row: FundApplicationRow) {
  const facts = await factsOf(db, row);
  const reasons: FundReason[] = judgeEligibility(programme.eligibility, facts);
  const ceiling = awardCeiling(programme.awardRule, { investment5gYuan: facts.investment5gYuan, level: row.level });
  return { reasons, ceiling };
}

type Listed = NonNullable<Awaited<ReturnType<ReturnType<typeof createFundRepo>['findApplication']>>>;

/** The list's row: never the bank account. */
export function presentSummary(found: Listed): FundApplicationSummary {
  const { row } = found;
  return {
    id: row.id,
    code: row.code,
    programmeId: row.programmeId,
    programmeNameZh: found.programmeNameZh,
    programmeNameEn: found.programmeNameEn,
    enterpriseId: row.enterpriseId,
    enterpriseName: found.enterpriseName,
    districtId: row.districtId,
    districtName: found.districtName,
    projectId: row.projectId,
    projectTitle: found.projectTitle,
    state: row.state,
    requestedAmount: money(row.requestedAmount),
    awardedAmount: row.awardedAmount === null ? null : money(row.awardedAmount),
    disbursedAmount: money(found.disbursedAmount),
    publicityEndsOn: row.publicityEndsOn,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The whole application as `actor` sees it, with the steps open to them; the bank account only masked. */
export async function presentApplication(
  db: DbOrTx,
  files: Pick<FileService, 'describe'>,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<FundApplication> {
  const repo = createFundRepo(db);
  const found = await repo.findApplication(id);
  const programme = found ? await repo.findProgramme(found.row.programmeId) : null;
  if (!found || !programme) throw notFound('fund application');
  const { row } = found;
  const [evidence, events, objections, decisions, tranches] = await Promise.all([
    repo.evidenceOf(id),
    repo.eventsOf(id),
    repo.objectionsOf(id),
    repo.decisionsOf(id),
    repo.tranchesOf(id),
  ]);
  const described = await files.describe(
    evidence.map((e) => e.fileId),
    db,
  );
  const live = row.state === 'draft' || row.state === 'returned';
  const judged = await judge(db, programme, row);
  const reasons = live ? judged.reasons : row.eligibilityReasons;
  const checkedAt = live ? now : row.eligibilityCheckedAt;
  const stamp = (r: { actorName: string; occurredAt: Date }) => ({ actorName: r.actorName, at: r.occurredAt.toISOString() });
  return {
    ...presentSummary(found),
    factoryId: row.factoryId,
    networkId: row.networkId,
    selectionApplicationId: row.selectionApplicationId,
    level: row.level,
    description: row.description,
    bankName: row.bankName,
    bankAccountMasked: row.bankAccountMasked,
    eligibility: reasons && checkedAt ? { eligible: reasons.length === 0, reasons, checkedAt: checkedAt.toISOString() } : null,
    ceiling: judged.ceiling.ok ? judged.ceiling.amount : null,
    evidence: evidence.flatMap((e) => {
      const file = described.get(e.fileId);
      return file ? [{ file, kind: e.kind, number: e.number, amount: e.amount === null ? null : money(e.amount) }] : [];
    }),
    events: events.map((e) => ({ action: e.action, fromState: e.fromState, toState: e.toState, comment: e.comment, ...stamp(e) })),
    objections: objections.map((o) => ({
      id: o.id,
      objector: o.objector,
      content: o.content,
      upheld: o.upheld,
      resolution: o.resolution,
      ...stamp(o),
    })),
    decisions: decisions.map((d) => ({ seq: d.seq, amount: money(d.amount), ceiling: money(d.ceiling), reason: d.reason, ...stamp(d) })),
    tranches: tranches.map((t) => ({ seq: t.seq, amount: money(t.amount), paidOn: t.paidOn, reference: t.reference, ...stamp(t) })),
    actions: actor ? fundStepsFor(actor, row) : [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The last four digits behind asterisks: what everybody sees of a bank account. */
export function maskBankAccount(digits: string): string {
  return `****${digits.slice(-4)}`;
}
