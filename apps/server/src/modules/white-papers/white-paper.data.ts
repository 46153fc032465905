import type {
  Case,
  Dashboard,
  DashboardQuery,
  EdgeNode,
  EdgeNodeListQuery,
  Factory,
  FactoryListQuery,
  FundApplicationListQuery,
  FundApplicationSummary,
  FundProgramme,
  FundProgrammeListQuery,
  Indicator,
  Network,
  NetworkListQuery,
  VulnStats,
  VulnStatsQuery,
  WhitePaperSnapshot,
} from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { FACTORY_LEVEL_ZH, NETWORK_STATE_ZH, PROJECT_STATE_ZH } from './white-paper.labels.js';
import { sumAmounts } from './white-paper.money.js';

type Page<T> = Promise<{ items: T[]; total: number }>;

/** The other modules' services the white paper reads its figures through (never their tables). */
export interface WhitePaperSources {
  indicators: { list(actor: Actor, query: { asOf?: string | undefined }): Promise<Indicator[]> };
  dashboard: { dashboard(actor: Actor, query: DashboardQuery): Promise<Dashboard> };
  factories: { list(actor: Actor, query: FactoryListQuery): Page<Factory> };
  networks: {
    list(actor: Actor, query: NetworkListQuery): Page<Network>;
    edgeNodes(actor: Actor, query: EdgeNodeListQuery): Page<EdgeNode>;
  };
  securityStats: { get(actor: Actor, query: VulnStatsQuery): Promise<VulnStats> };
  fundProgrammes: { list(actor: Actor, query: FundProgrammeListQuery): Page<FundProgramme> };
  fundApplications: { listForExport(actor: Actor, query: FundApplicationListQuery): Promise<FundApplicationSummary[]> };
  cases: { published(): Promise<Case[]> };
}

const PAGE = 200;
/** Typical cases beyond this many would make the chapter a catalogue. */
const MAX_CASES = 10;
/** Applications whose award stands (awarded, and paid out in part or whole). */
const AWARDED_STATES = new Set(['awarded', 'disbursed']);

async function everyPage<T>(load: (page: number) => Page<T>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await load(page);
    all.push(...items);
    if (items.length < PAGE || all.length >= total) return all;
  }
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string, labels: Record<string, string>) {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return Object.keys(labels)
    .filter((key) => counts.has(key))
    .map((key) => ({ key, label: labels[key] ?? key, count: counts.get(key) ?? 0 }));
}

/**
 * Takes the white paper's figures as `reader` (a city-wide reader) sees them on `asOf`: the plan
 * targets, the districts, projects and cases, 5G factories, networks and edge nodes, security and
 * special funds. Indicators are as of `asOf`; the registers as they stand now.
 */
export async function takeSnapshot(
  sources: WhitePaperSources,
  reader: Actor,
  input: { asOf: string; months: number; now: Date },
): Promise<WhitePaperSnapshot> {
  const { asOf } = input;
  const [indicators, dashboard, factories, networks, edgeNodes, security, programmes, applications, cases] = await Promise.all([
    sources.indicators.list(reader, { asOf }),
    sources.dashboard.dashboard(reader, { asOf }),
    everyPage((page) => sources.factories.list(reader, { page, pageSize: PAGE })),
    everyPage((page) => sources.networks.list(reader, { page, pageSize: PAGE })),
    sources.networks.edgeNodes(reader, { page: 1, pageSize: 1 }),
    sources.securityStats.get(reader, { months: input.months }),
    everyPage((page) => sources.fundProgrammes.list(reader, { page, pageSize: PAGE })),
    sources.fundApplications.listForExport(reader, {} as FundApplicationListQuery),
    sources.cases.published(),
  ]);
  const targets = indicators.filter((i) => i.isPlanTarget ?? i.code.startsWith('T-'));
  const openByDistrict = new Map(security.exposureByDistrict.map((d) => [d.name, d.openFindings]));
  const awarded = applications.filter((a) => AWARDED_STATES.has(a.state));

  return {
    asOf,
    takenAt: input.now.toISOString(),
    targets: targets.map((t) => ({
      code: t.code,
      nameZh: t.nameZh,
      group: t.group,
      unit: t.unit,
      value: t.value,
      target: t.target,
      progress: t.progress,
      status: t.status,
    })),
    districts: dashboard.districts.map((d) => ({
      name: d.nameZh,
      overallProgress: d.overallProgress,
      factories: factories.filter((f) => f.districtId === d.id).length,
      networks: networks.filter((n) => n.districtId === d.id).length,
      openFindings: openByDistrict.get(d.nameZh) ?? 0,
    })),
    projects: {
      total: dashboard.pipeline.total,
      byState: dashboard.pipeline.byState
        .filter((s) => s.count > 0)
        .map((s) => ({ key: s.state, label: PROJECT_STATE_ZH[s.state] ?? s.state, count: s.count })),
    },
    cases: cases.slice(0, MAX_CASES).map((c) => ({
      subject: c.subjectName,
      enterpriseName: c.enterpriseName,
      districtName: c.districtName,
      benefits: c.benefits.map((b) => `${b.label} ${b.value}${b.unit}`).join('；'),
    })),
    factories: {
      total: factories.length,
      byLevel: countBy(factories, (f) => f.level, FACTORY_LEVEL_ZH),
      countingTowardTarget: factories.filter((f) => f.countsTowardTarget).length,
    },
    networks: {
      total: networks.length,
      byState: countBy(networks, (n) => n.state, NETWORK_STATE_ZH),
      edgeNodes: edgeNodes.total,
    },
    security: {
      openByGrade: security.openByGrade,
      monthly: security.monthly,
      meanTimeToRemediateDays: security.meanTimeToRemediateDays,
      closedWithinSla: security.slaCompliance.closedWithinSla,
    },
    funds: {
      programmes: programmes.map((p) => ({
        name: p.nameZh,
        policyBasis: p.policyBasis,
        budget: sumAmounts(p.budgets.map((b) => b.amount)),
        awarded: p.awardedTotal,
        applications: p.applicationCount,
      })),
      awarded: sumAmounts(awarded.map((a) => a.awardedAmount)),
      disbursed: sumAmounts(applications.map((a) => a.disbursedAmount)),
      awards: awarded.length,
    },
  };
}
