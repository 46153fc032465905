import { randomUUID } from 'node:crypto';
import type { ProjectAction, ProjectState } from '@suilian/contracts';
import type { DemoRows } from './demo.repo.js';
import { demoCreditCode } from './demo-codes.js';

/** How many generated enterprises each district gets (industrial districts more), about 400 in all. */
const ENTERPRISES_PER_DISTRICT: Record<string, number> = {
  '440112': 66,
  '440113': 52,
  '440115': 43,
  '440114': 43,
  '440118': 38,
  '440111': 48,
  '440106': 29,
  '440105': 19,
  '440103': 14,
  '440104': 9,
  '440117': 19,
};

const CLUSTERS_BY_DISTRICT: Record<string, string[]> = {
  '440112': ['NEW_DISPLAY', 'IC', 'SMART_EQUIPMENT', 'BIOMED'],
  '440113': ['ICV_NEV', 'MACHINE_TOOL_ROBOT', 'FASHION_BEAUTY'],
  '440115': ['ICV_NEV', 'SMART_EQUIPMENT', 'IC'],
  '440114': ['ICV_NEV', 'FASHION_BEAUTY'],
  '440118': ['ICV_NEV', 'SMART_EQUIPMENT'],
  '440111': ['FASHION_BEAUTY', 'CUSTOM_HOME'],
  '440106': ['OTHER', 'SMART_EQUIPMENT'],
  '440105': ['FASHION_BEAUTY', 'OTHER'],
  '440103': ['BIOMED', 'FASHION_BEAUTY'],
  '440104': ['OTHER', 'BIOMED'],
  '440117': ['SMART_EQUIPMENT', 'BIOMED'],
};

const CLUSTER_PROFILE: Record<string, { industries: string[]; words: string[] }> = {
  ICV_NEV: { industries: ['36'], words: ['汽车零部件', '新能源汽车', '汽车电子', '动力电池'] },
  MACHINE_TOOL_ROBOT: { industries: ['34', '35'], words: ['数控机床', '工业机器人', '精密机械'] },
  FASHION_BEAUTY: { industries: ['18', '26', '19'], words: ['化妆品', '服饰', '皮具', '日化'] },
  CUSTOM_HOME: { industries: ['21'], words: ['定制家居', '家具', '板材'] },
  NEW_DISPLAY: { industries: ['39'], words: ['显示面板', '光电', '显示模组'] },
  IC: { industries: ['39'], words: ['半导体', '集成电路', '芯片封测'] },
  SMART_EQUIPMENT: { industries: ['35', '38', '40'], words: ['智能装备', '电气设备', '仪器仪表', '自动化'] },
  BIOMED: { industries: ['27'], words: ['生物医药', '医疗器械', '制药'] },
  OTHER: { industries: ['13', '14', '29', '33'], words: ['食品', '塑料制品', '金属制品'] },
};

const BRAND_CHARS = '穗粤珠羊华南越海云广新创联达信通宏盛鸿锦恒泰丰瑞启航科智精工诚远明德嘉益安正';

/** Final states of the demo projects, about 220 in all: a programme in mid-flight. */
const PROJECT_STATE_COUNTS: Array<[ProjectState, number]> = [
  ['draft', 18],
  ['submitted', 20],
  ['returned', 9],
  ['city_review', 14],
  ['rejected', 7],
  ['approved', 16],
  ['under_construction', 62],
  ['built', 41],
  ['accepted', 26],
  ['cancelled', 7],
];

const PATHS: Record<ProjectState, ProjectAction[]> = {
  draft: [],
  submitted: ['submit'],
  returned: ['submit', 'return'],
  city_review: ['submit', 'forward'],
  rejected: ['submit', 'forward', 'reject'],
  approved: ['submit', 'forward', 'approve'],
  under_construction: ['submit', 'forward', 'approve', 'start_construction'],
  built: ['submit', 'forward', 'approve', 'start_construction', 'complete'],
  accepted: ['submit', 'forward', 'approve', 'start_construction', 'complete', 'accept'],
  cancelled: ['submit', 'cancel'],
};

const NEXT_STATE: Record<ProjectAction, ProjectState> = {
  submit: 'submitted',
  forward: 'city_review',
  return: 'returned',
  approve: 'approved',
  reject: 'rejected',
  start_construction: 'under_construction',
  complete: 'built',
  accept: 'accepted',
  cancel: 'cancelled',
};

const COMMENTS: Partial<Record<ProjectAction, string>> = {
  return: '请补充5G专网建设方案和投资明细',
  forward: '材料齐全，同意推荐',
  reject: '与试点方向不符',
  accept: '验收通过',
  cancel: '企业调整投资计划',
};

export interface DemoContext {
  random: () => number;
  now: Date;
  districts: Map<string, { id: string; name: string }>;
  /** Enterprises created before (the named demo ones), to give them profiles and projects too. */
  existing: Array<{ id: string; districtCode: string; name: string }>;
  scenarios: Array<{ code: string; name: string }>;
  operators: string[];
  usedCreditCodes: Set<string>;
}

/** Generates the demo programme deterministically from `random`; nothing here touches the database. */
export function generateDemoProgramme(ctx: DemoContext): DemoRows & { enterpriseCount: number } {
  const { random } = ctx;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const shuffled = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const planStart = new Date('2025-09-14T00:00:00Z');
  const rows: DemoRows = {
    organisations: [],
    profiles: [],
    honours: [],
    projects: [],
    projectScenarios: [],
    projectEvents: [],
    factories: [],
    factoryScenarios: [],
    factoryProjects: [],
  };
  const enterprises: Array<{ id: string; districtCode: string; name: string; cluster: string; brand: string }> = [];
  const usedNames = new Set(ctx.existing.map((e) => e.name));

  for (const e of ctx.existing)
    enterprises.push({ ...e, cluster: pick(CLUSTERS_BY_DISTRICT[e.districtCode] ?? ['OTHER']), brand: e.name.slice(2, 4) });
  for (const [code, count] of Object.entries(ENTERPRISES_PER_DISTRICT)) {
    const district = ctx.districts.get(code);
    if (!district) continue;
    for (let i = 0; i < count; i++) {
      const cluster = pick(CLUSTERS_BY_DISTRICT[code] ?? ['OTHER']);
      let name = '';
      let brand = '';
      do {
        brand = pick([...BRAND_CHARS]) + pick([...BRAND_CHARS]);
        name = `广州${brand}${pick(CLUSTER_PROFILE[cluster]?.words ?? ['制造'])}有限公司（演示）`;
      } while (usedNames.has(name));
      usedNames.add(name);
      let creditCode = '';
      do creditCode = demoCreditCode(code, random);
      while (ctx.usedCreditCodes.has(creditCode));
      ctx.usedCreditCodes.add(creditCode);
      const id = randomUUID();
      const createdAt = new Date(planStart.getTime() - int(30, 700) * 86_400_000);
      rows.organisations.push({
        id,
        kind: 'enterprise',
        parentId: district.id,
        districtId: district.id,
        name,
        creditCode,
        address: `广州市${district.name}（演示地址）${brand}路${int(1, 388)}号`,
        isDemo: true,
        createdAt,
        updatedAt: createdAt,
      });
      enterprises.push({ id, districtCode: code, name, cluster, brand });
    }
  }

  for (const e of enterprises) {
    const profile = CLUSTER_PROFILE[e.cluster] ?? CLUSTER_PROFILE.OTHER;
    const size = pick(['LARGE', 'MEDIUM', 'MEDIUM', 'SMALL', 'SMALL', 'SMALL', 'MICRO']);
    rows.profiles.push({
      orgId: e.id,
      industryCode: pick(profile?.industries ?? ['41']),
      clusterCode: e.cluster,
      sizeClass: size,
      aboveScale: size !== 'MICRO' && random() < 0.8,
      mainProducts: pick(profile?.words ?? ['制造']),
      contacts: [{ name: `${pick([...'王李张刘陈杨黄赵吴周'])}${pick(['工', '经理', '主任'])}`, phone: `020-${int(30000000, 89999999)}` }],
    });
    const r = random();
    const honour =
      r < 0.01
        ? 'SINGLE_CHAMPION_ENTERPRISE'
        : r < 0.05
          ? 'LITTLE_GIANT'
          : r < 0.2
            ? 'SPECIALISED_SME'
            : r < 0.35
              ? 'INNOVATIVE_SME'
              : null;
    if (honour) {
      const year = int(2021, 2026);
      const level = honour === 'INNOVATIVE_SME' || honour === 'SPECIALISED_SME' ? 'provincial' : 'national';
      rows.honours.push({
        orgId: e.id,
        honourType: honour,
        level,
        batch: `第${int(1, 7)}批`,
        year,
        certificateNo: `DEMO-${year}-${int(1000, 9999)}`,
        validFrom: `${year}-07-01`,
        validUntil: `${year + 3}-06-30`,
        createdAt: new Date(`${year}-07-15T00:00:00Z`),
      });
    }
  }

  const officerName = (code: string) => `演示·${ctx.districts.get(code)?.name ?? ''}专员`;
  const actorFor = (action: ProjectAction, e: (typeof enterprises)[number]) => {
    if (action === 'forward' || action === 'return') return { name: officerName(e.districtCode), role: 'district_officer' };
    if (action === 'approve' || action === 'reject' || action === 'accept') return { name: '演示·市工信局', role: 'city_admin' };
    return { name: `演示·${e.brand}经办人`, role: 'enterprise_user' };
  };
  const span = Math.max(1, Math.floor((ctx.now.getTime() - planStart.getTime()) / 86_400_000) - 20);
  let sequence = 0;
  const projectsByEnterprise = new Map<string, string[]>();
  for (const [state, count] of PROJECT_STATE_COUNTS) {
    for (let i = 0; i < count; i++) {
      const e = pick(enterprises);
      const id = randomUUID();
      sequence += 1;
      const createdAt = new Date(planStart.getTime() + int(1, span) * 86_400_000);
      const chosen = shuffled(ctx.scenarios).slice(0, int(1, 5));
      const lead = chosen[0]?.name ?? '5G专网';
      const title = pick([
        `基于5G的${lead}项目`,
        `${e.brand}5G+${lead}示范应用`,
        `${e.brand}5G全连接工厂建设项目`,
        `5G+工业互联网${lead}改造项目`,
      ]);
      const total = int(80, 5000);
      const events: Array<{ action: ProjectAction | 'create'; at: Date }> = [{ action: 'create', at: createdAt }];
      let at = createdAt;
      for (const action of PATHS[state]) {
        at = new Date(Math.min(at.getTime() + int(3, 25) * 86_400_000, ctx.now.getTime() - 86_400_000));
        events.push({ action, at });
      }
      const startEvent = events.find((x) => x.action === 'start_construction');
      const endEvent = events.find((x) => x.action === 'complete');
      const filed = ['approved', 'under_construction', 'built', 'accepted'].includes(state) || (state === 'city_review' && random() < 0.5);
      rows.projects.push({
        id,
        code: `XM${createdAt.getUTCFullYear()}${String(sequence).padStart(6, '0')}`,
        title,
        description: `${e.name}在生产车间部署5G网络，开展${chosen.map((s) => s.name).join('、')}等应用。`,
        enterpriseId: e.id,
        districtId: ctx.districts.get(e.districtCode)?.id ?? '',
        filingId: filed ? `GD5G-${createdAt.getUTCFullYear()}-${String(sequence).padStart(5, '0')}` : null,
        state,
        operatorId: ctx.operators.length > 0 ? pick(ctx.operators) : null,
        networkMode: pick(['virtual', 'virtual', 'virtual', 'hybrid', 'dedicated'] as const),
        investmentTotal: `${total}.00`,
        investment5g: `${Math.floor(total * (0.1 + random() * 0.4))}.00`,
        plannedStart: day(new Date(createdAt.getTime() + 30 * 86_400_000)),
        plannedEnd: day(new Date(createdAt.getTime() + int(180, 540) * 86_400_000)),
        actualStart: startEvent ? day(startEvent.at) : null,
        actualEnd: endEvent ? day(endEvent.at) : null,
        isDemo: true,
        createdAt,
        updatedAt: at,
      });
      chosen.forEach((s, position) => {
        rows.projectScenarios.push({
          projectId: id,
          position,
          scenarioCode: s.code,
          customName: null,
          category: random() < 0.55 ? 'main_production' : 'auxiliary',
        });
      });
      let from: ProjectState | null = null;
      for (const ev of events) {
        const to: ProjectState = ev.action === 'create' ? 'draft' : NEXT_STATE[ev.action];
        const actor = ev.action === 'create' ? actorFor('submit', e) : actorFor(ev.action, e);
        rows.projectEvents.push({
          projectId: id,
          action: ev.action,
          fromState: from,
          toState: to,
          comment: ev.action === 'create' ? null : (COMMENTS[ev.action] ?? null),
          actorName: actor.name,
          actorRole: actor.role,
          occurredAt: ev.at,
        });
        from = to;
      }
      if (['under_construction', 'built', 'accepted'].includes(state))
        projectsByEnterprise.set(e.id, [...(projectsByEnterprise.get(e.id) ?? []), id]);
    }
  }

  const manufacturers = enterprises.filter((e) => e.cluster !== 'OTHER');
  for (let i = 0; i < 40; i++) {
    const e = manufacturers[(i * 37) % manufacturers.length] ?? pick(enterprises);
    const id = randomUUID();
    const mature = i < 9; // these reach ≥ 10 live scenarios (T-APP-1 is 10 by 2027)
    const count = mature ? int(10, 14) : int(3, 9);
    const chosen = shuffled(ctx.scenarios).slice(0, count);
    const createdAt = new Date(planStart.getTime() - int(0, 400) * 86_400_000);
    rows.factories.push({
      id,
      enterpriseId: e.id,
      districtId: ctx.districts.get(e.districtCode)?.id ?? '',
      name: `${e.brand}${pick(['总装', '冲压', '焊装', '涂装', '模组', '封测', '灌装'])}${pick(['车间', '产线', '工厂'])}（演示）`,
      level: pick(['line', 'workshop', 'workshop', 'factory'] as const),
      nationalListYear: random() < 0.3 ? int(2022, 2025) : null,
      starRating: random() < 0.5 ? int(3, 5) : null,
      isDemo: true,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    });
    chosen.forEach((s, position) => {
      const live = mature || random() < 0.8;
      const goLive = live
        ? new Date(ctx.now.getTime() - int(10, 600) * 86_400_000)
        : new Date(ctx.now.getTime() + int(10, 200) * 86_400_000);
      rows.factoryScenarios.push({
        factoryId: id,
        position,
        scenarioCode: s.code,
        customName: null,
        category: random() < 0.5 ? 'main_production' : 'auxiliary',
        goLiveDate: day(goLive),
      });
    });
    for (const projectId of (projectsByEnterprise.get(e.id) ?? []).slice(0, 2)) rows.factoryProjects.push({ factoryId: id, projectId });
  }
  return { ...rows, enterpriseCount: enterprises.length };
}
