import { randomUUID } from 'node:crypto';
import { awardCeiling, type FundApplicationState, type FundAwardRule, fromFen, toFen, wanToYuan } from '@suilian/contracts';
import type { DbOrTx } from '../db/client.js';
import { fundApplication, fundAwardDecision, fundBudget, fundEvent, fundObjection, fundProgramme, fundTranche } from '../db/schema.js';

/** A demo project that can apply: built or accepted, with its 5G investment (万元). */
export interface DemoFundProject {
  id: string;
  enterpriseId: string;
  districtId: string;
  state: string;
  investment5g: string | null;
}

const SHARE: FundAwardRule = { kind: 'share', percent: '20', cap: '5000000' };
const FIXED: FundAwardRule = {
  kind: 'fixed',
  levels: [
    { code: 'standard', nameZh: '标准型', nameEn: 'Standard', amount: '500000' },
    { code: 'advanced', nameZh: '增强型', nameEn: 'Advanced', amount: '1000000' },
  ],
};

/** The states the demo applications are in, in order, so every step of the console has an example. */
const STATES: FundApplicationState[] = ['draft', 'submitted', 'city_review', 'publicity', 'awarded', 'disbursed', 'returned', 'rejected'];

/**
 * Demo special funds (issue #16 item 1): a 5G factory programme mid-way (applications in every
 * state, one past its 公示 with an objection still to settle, awards and a paid tranche) and a closed private-network
 * subsidy. Bank accounts are invented and sealed like real ones.
 */
export async function insertDemoFunds(
  db: DbOrTx,
  deps: { now: Date; projects: readonly DemoFundProject[]; seal(value: string, context: string): string; createdBy: string | null },
): Promise<{ programmes: number; applications: number }> {
  const year = deps.now.getUTCFullYear();
  const common = { isDemo: true, createdBy: deps.createdBy, createdAt: deps.now, updatedAt: deps.now, publicityDays: 7 };
  const [factoryFund, networkFund] = await db
    .insert(fundProgramme)
    .values([
      {
        nameZh: `${year}年广州市5G工厂建设奖补（演示）`,
        nameEn: `Guangzhou 5G factory grants ${year} (demo)`,
        policyBasis: `穗工信规字〔${year}〕3号（演示）`,
        description: '对已建成或通过验收的5G工厂项目，按5G投资额的20%给予奖补，单个项目最高500万元。',
        eligibility: [
          { kind: 'project_state', states: ['built', 'accepted'] },
          { kind: 'min_investment_5g', amount: '500000' },
        ],
        awardRule: SHARE,
        opensOn: `${year}-03-01`,
        closesOn: `${year}-12-31`,
        ...common,
      },
      {
        nameZh: `${year}年5G行业虚拟专网建设补贴（演示）`,
        nameEn: `5G industry private network subsidy ${year} (demo)`,
        policyBasis: `穗工信函〔${year}〕58号（演示）`,
        description: '按专网建设档次给予定额补贴：标准型50万元，增强型100万元。',
        eligibility: [{ kind: 'project_state', states: ['under_construction', 'built', 'accepted'] }],
        awardRule: FIXED,
        opensOn: `${year}-01-01`,
        closesOn: `${year}-06-30`,
        ...common,
      },
    ])
    .returning();
  if (!factoryFund || !networkFund) throw new Error('demo fund programmes were not inserted');
  await db.insert(fundBudget).values([
    { programmeId: factoryFund.id, year, amount: '30000000.00' },
    { programmeId: networkFund.id, year, amount: '10000000.00' },
  ]);

  const eligible = deps.projects.filter((p) => (p.state === 'built' || p.state === 'accepted') && p.investment5g !== null);
  const day = (offset: number) => new Date(deps.now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const actor = { actorId: deps.createdBy, actorName: '市级管理员（演示）', occurredAt: deps.now };
  let count = 0;
  for (const [n, state] of STATES.entries()) {
    const project = eligible[n];
    if (!project?.investment5g) break;
    const ceiling = awardCeiling(SHARE, { investment5gYuan: wanToYuan(project.investment5g), level: null });
    if (!ceiling.ok) continue;
    const requested = fromFen((toFen(ceiling.amount) * 9n) / 10n);
    const id = randomUUID();
    const account = `62220200${String(10_000_000 + n * 7919).slice(0, 8)}${n}`;
    const awarded = state === 'awarded' || state === 'disbursed' ? requested : null;
    await db.insert(fundApplication).values({
      id,
      code: `ZJ${year}${String(n + 1).padStart(5, '0')}`,
      programmeId: factoryFund.id,
      enterpriseId: project.enterpriseId,
      districtId: project.districtId,
      projectId: project.id,
      requestedAmount: requested,
      bankName: '中国工商银行广州分行（演示）',
      bankAccountSealed: deps.seal(account, `fund-application:${id}:bank-account`),
      bankAccountMasked: `****${account.slice(-4)}`,
      state,
      eligibilityReasons: state === 'draft' ? null : [],
      eligibilityCheckedAt: state === 'draft' ? null : deps.now,
      // Its 公示 ended yesterday with an objection still open: the city's next step is to settle it and decide.
      publicityEndsOn: state === 'publicity' ? day(-1) : null,
      awardedAmount: awarded,
      isDemo: true,
      submittedAt: state === 'draft' ? null : deps.now,
      createdAt: deps.now,
      updatedAt: deps.now,
    });
    await db
      .insert(fundEvent)
      .values({ applicationId: id, action: 'create', fromState: null, toState: state, comment: '演示数据', ...actor });
    if (state === 'publicity')
      await db
        .insert(fundObjection)
        .values({ applicationId: id, objector: '来信人（演示）', content: '对项目5G投资额有疑问（演示数据）', ...actor });
    if (awarded)
      await db
        .insert(fundAwardDecision)
        .values({ applicationId: id, seq: 1, amount: awarded, ceiling: ceiling.amount, reason: '公示期满无异议（演示数据）', ...actor });
    if (state === 'disbursed')
      await db
        .insert(fundTranche)
        .values({ applicationId: id, seq: 1, amount: requested, paidOn: day(-3), reference: `GK-${year}-0001`, ...actor });
    count++;
  }
  return { programmes: 2, applications: count };
}
