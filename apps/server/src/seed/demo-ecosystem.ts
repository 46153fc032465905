import { randomUUID } from 'node:crypto';
import { patentCheckChar } from '@suilian/contracts';
import type { registryRecord } from '../db/schema.js';
import type { DemoSelectionRows } from './demo.repo.js';

type RecordRow = typeof registryRecord.$inferInsert;

export interface EcosystemContext {
  random: () => number;
  now: Date;
  city: { id: string };
  districts: Array<{ id: string; name: string }>;
  enterprises: Array<{ id: string; districtId: string; name: string }>;
  factories: Array<{ id: string; enterpriseId: string; districtId: string; name: string; live: number }>;
  projects: Array<{ id: string; enterpriseId: string; districtId: string; title: string; state: string }>;
  experts: string[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Registry records and selection rounds for the demo programme, deterministic from `random`. */
export function generateDemoEcosystem(ctx: EcosystemContext): { records: RecordRow[]; selections: DemoSelectionRows } {
  const { random } = ctx;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const since = (days: number) => new Date(ctx.now.getTime() - int(1, days) * 86_400_000);
  const records: RecordRow[] = [];
  const usedKeys = new Set<string>();
  const add = (
    registry: string,
    owner: { id: string; districtId: string | null },
    title: string,
    date: Date,
    data: Record<string, unknown>,
    extra: Partial<RecordRow> = {},
  ) =>
    records.push({
      registry,
      orgId: owner.id,
      districtId: owner.districtId,
      title,
      recordDate: day(date),
      data,
      isDemo: true,
      createdAt: date,
      updatedAt: date,
      ...extra,
    });
  const owner = () => {
    const e = pick(ctx.enterprises);
    return { id: e.id, districtId: e.districtId, name: e.name };
  };
  const city = { id: ctx.city.id, districtId: null };

  const topics = [
    '5G工业网关技术要求',
    '5G全连接工厂建设指南',
    '工业互联网标识解析 企业节点',
    '5G专网运维规范',
    'RedCap工业模组测试方法',
    '5G+TSN融合组网',
    '云化PLC通用要求',
    '工厂园区网络安全',
  ];
  for (let i = 0; i < 42; i++) {
    const level = pick(['international', 'national', 'national', 'industry', 'industry', 'group'] as const);
    const number =
      level === 'group'
        ? `T/GZ5G ${String(i + 1).padStart(3, '0')}-2026`
        : level === 'national'
          ? `GB/T ${40000 + i * 37}-2026`
          : level === 'industry'
            ? `YD/T ${4000 + i * 11}-2025`
            : `ITU-T Y.${3600 + i}`;
    usedKeys.add(number);
    add(
      'standards',
      owner(),
      `${pick(topics)}（第${i + 1}部分）`,
      since(420),
      {
        level,
        role: random() < 0.35 ? 'led' : 'participated',
        number,
        status: pick(['drafting', 'approved', 'published', 'published'] as const),
      },
      { kind: level, uniqueKey: number.toUpperCase() },
    );
  }
  for (let i = 0; i < 48; i++) {
    const kind = pick(['invention', 'invention', 'utility_model', 'design'] as const);
    const year = int(2023, 2026);
    const digits = `${year}${{ invention: '1', utility_model: '2', design: '3' }[kind]}${String(int(1, 9_999_999)).padStart(7, '0')}`;
    const number = `${digits}.${patentCheckChar(digits)}`;
    if (usedKeys.has(number)) continue;
    usedKeys.add(number);
    const o = owner();
    const applied = new Date(Date.UTC(year, int(0, 10), int(1, 28)));
    const grant = random() < 0.6 ? new Date(applied.getTime() + int(120, 500) * 86_400_000) : null;
    add(
      'patents',
      o,
      `一种基于5G的${pick(['设备协同控制方法', '机器视觉检测装置', 'AGV调度系统', '边缘计算网关', '远程运维方法', '工业数据采集终端'])}`,
      applied,
      {
        number,
        kind,
        applicationDate: day(applied),
        grantDate: grant && grant < ctx.now ? day(grant) : null,
        owner: o.name,
      },
      { kind, uniqueKey: number },
    );
  }
  for (let i = 0; i < 8; i++) {
    add(
      'pilot-projects',
      owner(),
      `${pick(['5G+工业互联网', '工业互联网平台', '智能制造'])}试点示范项目（演示${i + 1}）`,
      since(400),
      {
        listName: `${pick(['工业和信息化部', '广东省工业和信息化厅'])}${pick(['2025', '2026'])}年试点示范名单`,
        level: i < 5 ? 'national' : 'provincial',
        year: int(2025, 2026),
      },
      { kind: i < 5 ? 'national' : 'provincial' },
    );
  }
  const schools = ['华南理工大学', '广东工业大学', '广州大学', '广东轻工职业技术大学', '广州番禺职业技术学院'];
  for (let i = 0; i < 5; i++) {
    const kind =
      (['industry_college', 'school_enterprise_base', 'training_base', 'training_base', 'school_enterprise_base'] as const)[i] ??
      'training_base';
    add(
      'carriers',
      owner(),
      `5G+工业互联网${{ industry_college: '现代产业学院', school_enterprise_base: '校企协同育人示范基地', training_base: '实训基地' }[kind]}（演示）`,
      since(380),
      { kind, partnerSchool: schools[i] ?? '广州大学' },
      { kind },
    );
  }
  add('platforms', owner(), '广州汽车产业5G+工业互联网公共服务平台（演示）', since(300), {
    operator: '演示运营商',
    sector: '汽车',
    launchDate: day(since(300)),
  });
  add('platforms', owner(), '广州时尚美妆产业链公共服务平台（演示）', since(200), {
    operator: '演示服务商',
    sector: '时尚美妆',
    launchDate: day(since(200)),
  });
  const eventKinds = [
    'exchange_meeting',
    'exchange_meeting',
    'exchange_meeting',
    'case_release',
    'hundred_cities',
    'exchange_meeting',
    'training',
  ] as const;
  eventKinds.forEach((kind, i) => {
    const attendance = int(80, 600);
    add(
      'events',
      city,
      `${{ exchange_meeting: '5G+工业互联网交流会', case_release: '典型案例发布会', hundred_cities: '百城千园行·广州站', training: '专题培训会' }[kind]}（第${i + 1}场，演示）`,
      since(420),
      { kind, organiser: '广州市工业和信息化局', attendance },
      { kind, quantity: attendance },
    );
  });
  const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗梁'];
  for (let i = 0; i < 5; i++) {
    const size = int(40, 90);
    const trainees = Array.from({ length: size }, (_, n) => ({
      name: `${pick(surnames)}${pick(['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '勇', '军'])}${n}`,
      organisation: pick(ctx.enterprises).name,
      completed: random() < 0.85,
    }));
    const d = ctx.districts[i % ctx.districts.length] ?? ctx.districts[0];
    add(
      'trainings',
      { id: d?.id ?? city.id, districtId: d?.id ?? null },
      `5G+工业互联网技能人才培训（第${i + 1}期，演示）`,
      since(400),
      { organiser: `${d?.name ?? '广州市'}工信局`, trainees },
      { quantity: trainees.filter((t) => t.completed).length },
    );
  }
  for (const topic of ['slicing', 'detnet', '5g_tsn', 'cloud_plc', 'redcap', 'passive_iot', 'isac', '6g', 'redcap', 'cloud_plc'] as const) {
    add(
      'research',
      owner(),
      `${{ slicing: '网络切片', detnet: '确定性网络', '5g_tsn': '5G+TSN', cloud_plc: '云化PLC', redcap: 'RedCap', passive_iot: '无源物联', isac: '通感一体', '6g': '6G' }[topic]}关键技术联合攻关（演示）`,
      since(400),
      { topic, leadOrganisation: pick(schools) },
      { kind: topic },
    );
  }
  for (let i = 0; i < 15; i++) {
    const category = pick(['module', 'terminal', 'router', 'agv', 'camera', 'robot', 'chip'] as const);
    const model = `GZ-${category.toUpperCase()}-${100 + i}`;
    const vendor = owner();
    add(
      'products',
      vendor,
      `${{ module: '5G RedCap工业模组', terminal: '5G工业终端', router: '5G工业路由器', agv: '5G AGV', camera: '5G工业相机', robot: '5G协作机器人', chip: '5G芯片' }[category]} ${model}`,
      since(500),
      { category, model, vendor: vendor.name },
      { kind: category, uniqueKey: `${vendor.name}|${model}`.toUpperCase() },
    );
  }
  const platformIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const id = randomUUID();
    platformIds.push(id);
    add(
      'test-platforms',
      owner(),
      `5G工业设备中试验证平台${i + 1}（演示）`,
      since(500),
      { operator: '演示服务商', scope: '5G模组、工业网关与工业操作系统的一致性与互通性测试' },
      { id },
    );
  }
  for (let i = 0; i < 6; i++) {
    const result = pick(['passed', 'passed', 'passed', 'conditional', 'failed'] as const);
    add(
      'test-records',
      owner(),
      `RedCap模组互通测试（批次${i + 1}，演示）`,
      since(300),
      { platformId: pick(platformIds), subject: '5G RedCap工业模组', result },
      { kind: result },
    );
  }
  return { records, selections: generateDemoSelections(ctx, int) };
}

const RUBRIC = [
  { key: 'network', nameZh: '网络建设水平', nameEn: 'Network', weight: 25, maxScore: 10 },
  { key: 'scenarios', nameZh: '应用场景深度', nameEn: 'Scenario depth', weight: 35, maxScore: 10 },
  { key: 'benefit', nameZh: '经济社会效益', nameEn: 'Benefits', weight: 25, maxScore: 10 },
  { key: 'promotion', nameZh: '示范推广价值', nameEn: 'Promotion value', weight: 15, maxScore: 10 },
];

/** Four rounds in different stages: two published (2025), one in expert review, one open (2026). */
function generateDemoSelections(ctx: EcosystemContext, int: (a: number, b: number) => number): DemoSelectionRows {
  const rows: DemoSelectionRows = { rounds: [], applications: [], assignments: [], cases: [] };
  const rounds = [
    {
      title: '2025年广州市5G工厂标杆遴选（演示）',
      kind: 'benchmark_factory',
      subjectType: 'factory',
      year: 2025,
      stage: 'published',
      apps: 18,
      quota: 12,
    },
    {
      title: '2025年广州市5G工厂典型案例征集（演示）',
      kind: 'typical_case',
      subjectType: 'project',
      year: 2025,
      stage: 'published',
      apps: 14,
      quota: 10,
    },
    {
      title: '2026年广州市5G工厂标杆遴选（演示）',
      kind: 'benchmark_factory',
      subjectType: 'factory',
      year: 2026,
      stage: 'expert_review',
      apps: 12,
      quota: 10,
    },
    {
      title: '2026年广州市5G工厂典型案例征集（演示）',
      kind: 'typical_case',
      subjectType: 'project',
      year: 2026,
      stage: 'open',
      apps: 5,
      quota: 10,
    },
  ] as const;
  for (const spec of rounds) {
    const id = randomUUID();
    const created = new Date(Date.UTC(spec.year, spec.year === 2025 ? 9 : 4, 10));
    rows.rounds.push({
      id,
      kind: spec.kind,
      subjectType: spec.subjectType,
      title: spec.title,
      description: '面向全市征集，经区级推荐、专家评审、公示后发布。',
      year: spec.year,
      rubric: RUBRIC,
      deadline: spec.stage === 'open' ? new Date(ctx.now.getTime() + 30 * 86_400_000) : new Date(created.getTime() + 40 * 86_400_000),
      quota: spec.quota,
      expertsPerApplication: 3,
      aggregation: 'trimmed_mean',
      conflictRules: { ownEnterprise: true, ownDistrict: true },
      stage: spec.stage,
      publicityEnd: spec.stage === 'published' ? `${spec.year}-12-20` : null,
      publishedAt: spec.stage === 'published' ? new Date(Date.UTC(spec.year, 11, 28)) : null,
      isDemo: true,
      createdAt: created,
      updatedAt: created,
    });
    const subjects =
      spec.subjectType === 'factory'
        ? [...ctx.factories]
            .sort((a, b) => b.live - a.live)
            .map((f) => ({ id: f.id, enterpriseId: f.enterpriseId, districtId: f.districtId, name: f.name }))
        : ctx.projects
            .filter((p) => ['built', 'accepted', 'under_construction'].includes(p.state))
            .map((p) => ({ id: p.id, enterpriseId: p.enterpriseId, districtId: p.districtId, name: p.title }));
    const offset = spec.year === 2026 ? 6 : 0;
    const chosen = subjects.slice(offset, offset + spec.apps);
    const scored = spec.stage === 'published';
    const finals = chosen.map(() => 60 + int(0, 3500) / 100).sort((a, b) => b - a);
    let rank = 0;
    chosen.forEach((subject, i) => {
      const appId = randomUUID();
      // Every seventh application was not recommended by its district: no experts, no score, no rank.
      const recommended = spec.stage !== 'open' && i % 7 !== 6;
      if (recommended) rank += 1;
      const selected = scored && recommended && rank <= spec.quota;
      rows.applications.push({
        id: appId,
        roundId: id,
        enterpriseId: subject.enterpriseId,
        districtId: subject.districtId,
        subjectId: subject.id,
        subjectName: subject.name,
        narrative: `${subject.name}依托5G专网开展多场景融合应用，成效显著。`,
        status: spec.stage === 'open' ? 'submitted' : recommended ? 'recommended' : 'not_recommended',
        districtComment: spec.stage === 'open' ? null : recommended ? '同意推荐' : '材料不完整，暂不推荐',
        finalScore: scored && recommended ? (finals[rank - 1] ?? null) : null,
        rank: scored && recommended ? rank : null,
        selected,
        createdAt: created,
        updatedAt: created,
      });
      if ((spec.stage === 'expert_review' || scored) && recommended) {
        const experts = [0, 1, 2].map((k) => ctx.experts[(i + k) % ctx.experts.length]).filter((e): e is string => !!e);
        experts.forEach((expertId, n) => {
          const submitted = scored || n < 2;
          const sheet = Object.fromEntries(RUBRIC.map((c) => [c.key, int(5, 10)]));
          const total = Math.round((RUBRIC.reduce((s, c) => s + (c.weight * (sheet[c.key] ?? 0)) / c.maxScore, 0) / 100) * 10_000) / 100;
          rows.assignments.push({
            applicationId: appId,
            expertId,
            assignedAt: created,
            scores: submitted ? sheet : null,
            total: submitted ? total : null,
            comment: null,
            submittedAt: submitted ? created : null,
          });
        });
      }
      if (selected && spec.kind === 'typical_case') {
        rows.cases.push({
          applicationId: appId,
          background: `${subject.name}所在企业面临多品种小批量生产、质检依赖人工等问题。`,
          solution: '部署5G虚拟专网与边缘计算节点，实现机器视觉质检、设备远程运维与AGV协同调度。',
          network: '运营商5G虚拟专网（UPF下沉园区），RedCap终端接入，端到端时延小于20毫秒。',
          benefits: [
            { label: '质检效率提升', value: int(20, 60), unit: '%' },
            { label: '不良率下降', value: int(10, 40), unit: '%' },
            { label: '年节约成本', value: int(80, 600), unit: '万元' },
          ],
          imageIds: [],
          updatedAt: created,
        });
      }
    });
  }
  return rows;
}
