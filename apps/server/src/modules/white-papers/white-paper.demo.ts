import { ROLE_DEFINITIONS, type Role } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import type { WhitePaperService } from './white-paper.service.js';

/** A demo account as the service sees it (its own user id, so the four-eyes rule holds). */
export function demoActor(user: { id: string; username: string; displayName: string | null; role: Role; orgId: string }): Actor {
  const { scope, permissions } = ROLE_DEFINITIONS[user.role];
  return {
    userId: user.id,
    name: user.username,
    displayName: user.displayName ?? user.username,
    role: user.role,
    orgId: user.orgId,
    districtId: null,
    scope,
    permissions,
    via: 'system',
    requestId: null,
    clientIp: null,
  };
}

const COMMENTARY = {
  overview: '上半年，全市"5G+工业互联网"建设总体按计划推进，5G基站与行业应用指标进度良好，产业生态类指标仍需加快。',
  districts: '黄埔区、番禺区、花都区项目集聚效应明显；部分区指标完成率偏低，下半年将加强指导和督办。',
  projects: '重点项目加快建设，典型案例覆盖汽车、电子信息、家居等行业，形成可复制推广的经验。',
  factories: '5G工厂建设由产线级向车间级、工厂级延伸，上线场景数量稳步增长。',
  networks: '5G行业虚拟专网和边缘计算节点持续部署，支撑工业控制、质量检测等低时延业务。',
  security: '漏洞闭环处置机制运行平稳，高危漏洞按期闭环率有待进一步提高。',
  funds: '专项资金按照"申报—审核—公示—拨付"流程规范运行，资金拨付进度与项目建设进度相匹配。',
} as const;

/**
 * The demo's white papers (issue #16 item 4): the first half of `year` drafted by the analyst,
 * submitted and published by the administrator; the second half left as a draft with commentary.
 */
export async function loadWhitePaperDemo(service: WhitePaperService, input: { year: number; analyst: Actor; admin: Actor }): Promise<void> {
  const { analyst, admin, year } = input;
  const first = await service.create(analyst, { year, period: 'h1' });
  let version = first.version;
  for (const [chapter, commentary] of Object.entries(COMMENTARY)) {
    version = (await service.updateChapter(analyst, first.id, chapter as keyof typeof COMMENTARY, { commentary, version })).version;
  }
  await service.submit(analyst, first.id);
  await service.publish(admin, first.id);
  const second = await service.create(analyst, { year, period: 'h2' });
  await service.updateChapter(analyst, second.id, 'overview', {
    commentary: '下半年（草稿）：重点推进5G工厂扩容和专项资金绩效评价。',
    version: second.version,
  });
}
