import type { LeadStatus, NoDealReason, PriceBand } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { createDemandRepo } from './demand.repo.js';

interface DemoDemand {
  /** The demo enterprise's name (演示). */
  enterprise: string;
  title: string;
  problem: string;
  industry: string;
  scenarios: string[];
  budget: PriceBand;
  weeks: number;
  byDistrict?: boolean;
  /** A lead with a demo solution (by title), in this status. */
  lead?: { solution: string; status: LeadStatus; reason?: NoDealReason; notes: string[] };
}

/** Guangzhou demo demands (issue #15 item 3): what visits to the pilot's SMEs typically surface. */
const DEMO_DEMANDS: DemoDemand[] = [
  {
    enterprise: '广州穗联演示智能装备有限公司',
    title: '注塑件外观缺陷自动检测',
    problem: '注塑车间靠人工目检外观划伤、缺料和毛刺，夜班漏检多，客户投诉增加，希望用机器视觉自动检测并记录缺陷图片。',
    industry: '29',
    scenarios: ['S06'],
    budget: '10_50',
    weeks: 8,
    lead: {
      solution: '5G+机器视觉外观缺陷检测',
      status: 'proposal',
      notes: ['希望先在一条产线试点（演示）', '已现场勘查，提交两条产线的试点方案（演示）'],
    },
  },
  {
    enterprise: '广州穗联演示智能装备有限公司',
    title: '车间生产报工与设备OEE统计',
    problem: '纸质工单和报工表，生产进度和设备利用率要到月底才能统计，想要手机扫码报工并自动算OEE。',
    industry: '35',
    scenarios: ['S10', 'S15'],
    budget: '10_50',
    weeks: 6,
  },
  {
    enterprise: '广州从化演示精密机械有限公司',
    title: '数控机床故障预警',
    problem: '十余台数控机床主轴和轴承故障导致非计划停机，维修靠经验，希望提前预测故障安排保养。',
    industry: '34',
    scenarios: ['S16', 'S07'],
    budget: '10_50',
    weeks: 10,
    byDistrict: true,
    lead: { solution: '设备预测性维护云平台', status: 'contact', notes: [] },
  },
  {
    enterprise: '广州演示日化用品有限公司',
    title: '空压机和蒸汽能耗偏高',
    problem: '电费和蒸汽费用上涨，不清楚哪条产线、哪台设备耗能最多，需要分项计量和节能建议。',
    industry: '26',
    scenarios: ['S13'],
    budget: '10_50',
    weeks: 8,
  },
  {
    enterprise: '广州白云演示定制家居有限公司',
    title: '门店订单自动拆单排产',
    problem: '门店设计图纸靠人工拆单，错漏导致板件返工，希望图纸直接生成板件清单并对接开料设备。',
    industry: '21',
    scenarios: ['S04'],
    budget: '50_200',
    weeks: 16,
    lead: { solution: '定制家居柔性生产与订单拆单', status: 'deal', notes: ['已签订合同（演示）'] },
  },
  {
    enterprise: '广州海珠演示纺织服装有限公司',
    title: '小批量订单快速打样',
    problem: '跨境电商客户订单越来越小、越来越急，打样周期一周以上，希望缩短打版排料时间。',
    industry: '18',
    scenarios: ['S01', 'S04'],
    budget: '10_50',
    weeks: 12,
    lead: { solution: '服装数字化打版与小单快反', status: 'no_deal', reason: 'budget', notes: ['报价超出预算，暂缓（演示）'] },
  },
  {
    enterprise: '广州越秀演示食品加工有限公司',
    title: '产品批次追溯与扫码查询',
    problem: '经销商要求提供原料批次和检验报告追溯，目前靠纸质记录，出现问题无法快速召回。',
    industry: '14',
    scenarios: ['S15'],
    budget: 'under_10',
    weeks: 6,
    byDistrict: true,
  },
  {
    enterprise: '广州荔湾演示生物医药有限公司',
    title: '车间工控系统安全防护',
    problem: '车间PLC和上位机多年未更新，担心勒索病毒，需要摸清资产并满足等保要求。',
    industry: '27',
    scenarios: ['S10'],
    budget: '50_200',
    weeks: 12,
  },
];

/** Inserts the demo demands and their leads (the solutions by title; demo rows marked is_demo). */
export async function loadDemandDemo(
  tx: DbOrTx,
  ctx: {
    now: Date;
    enterprises: Array<{ id: string; name: string; districtId: string }>;
    solutions: Array<{ id: string; title: string; providerId: string; state: string }>;
  },
): Promise<{ demands: number; leads: number }> {
  const repo = createDemandRepo(tx);
  let demands = 0;
  let leads = 0;
  for (const [i, d] of DEMO_DEMANDS.entries()) {
    const enterprise = ctx.enterprises.find((e) => e.name === d.enterprise);
    if (!enterprise) continue;
    const at = new Date(ctx.now.getTime() - (DEMO_DEMANDS.length - i) * 3 * 86_400_000);
    const row = await repo.insertDemand({
      enterpriseId: enterprise.id,
      districtId: enterprise.districtId,
      title: d.title,
      problem: d.problem,
      scenarios: d.scenarios,
      industry: d.industry,
      budgetBand: d.budget,
      timelineWeeks: d.weeks,
      postedByDistrict: d.byDistrict ?? false,
      isDemo: true,
      createdAt: at,
      updatedAt: at,
    });
    demands++;
    const solution = d.lead && ctx.solutions.find((s) => s.title === d.lead?.solution && s.state === 'published');
    if (!d.lead || !solution) continue;
    const closed = d.lead.status === 'deal' || d.lead.status === 'no_deal';
    const answered = new Date(at.getTime() + 86_400_000);
    const [lead] = await repo.insertLeads([
      {
        demandId: row.id,
        solutionId: solution.id,
        enterpriseId: enterprise.id,
        providerId: solution.providerId,
        districtId: enterprise.districtId,
        status: d.lead.status,
        noDealReason: d.lead.reason ?? null,
        openedBy: 'enterprise',
        score: null,
        firstResponseAt: d.lead.status === 'contact' ? null : answered,
        closedAt: closed ? answered : null,
        isDemo: true,
        createdAt: at,
        updatedAt: answered,
      },
    ]);
    if (!lead) continue;
    leads++;
    await repo.insertEvents([
      {
        leadId: lead.id,
        fromStatus: null,
        toStatus: 'contact',
        note: d.lead.notes[0] ?? null,
        actorName: '企业用户（演示）',
        side: 'enterprise',
        occurredAt: at,
      },
      ...(d.lead.status === 'contact'
        ? []
        : [
            {
              leadId: lead.id,
              fromStatus: 'contact' as const,
              toStatus: d.lead.status,
              note: d.lead.notes[1] ?? d.lead.notes[0] ?? null,
              actorName: '服务商用户（演示）',
              side: 'provider' as const,
              occurredAt: answered,
            },
          ]),
    ]);
  }
  return { demands, leads };
}
