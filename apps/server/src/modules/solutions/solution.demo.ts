import type { DeliveryModel, PriceBand, SolutionState } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { createSolutionRepo } from './solution.repo.js';

interface DemoSolution {
  /** Index into the demo providers: 0 移动, 1 电信, 2 联通, 3 工业互联网平台服务商, 4 工控安全服务商. */
  provider: number;
  title: string;
  summary: string;
  industries: string[];
  scenarios: string[];
  capabilities: string[];
  priceBand: PriceBand;
  weeks: number;
  delivery: DeliveryModel;
  references: Array<{ name: string; enterpriseName: string; year: number }>;
  certifications: string[];
  state?: SolutionState;
}

/**
 * Guangzhou demo solutions (issue #15 item 2): what the pilot's operators and service providers
 * typically offer ("小快轻准"), with every enterprise and contact marked 演示. Most are published so
 * matching has a catalogue; one waits for review, one was returned, one is a draft.
 */
const DEMO_SOLUTIONS: DemoSolution[] = [
  {
    provider: 0,
    title: '5G+机器视觉外观缺陷检测',
    summary: '工业相机与边缘AI盒子经5G专网回传，识别注塑件、钣金件表面划伤、缺料、毛刺等缺陷，替代人工目检，漏检率低于0.5%。',
    industries: ['29', '33', '36', '38'],
    scenarios: ['S06'],
    capabilities: ['机器视觉', '边缘计算', '缺陷检测', '深度学习', '质量追溯'],
    priceBand: '10_50',
    weeks: 6,
    delivery: 'hybrid',
    references: [{ name: '汽车内饰件外观检测', enterpriseName: '广州番禺演示汽车零部件有限公司', year: 2025 }],
    certifications: ['ISO 9001', '信息系统安全等级保护三级'],
  },
  {
    provider: 0,
    title: '5G虚拟专网园区接入（轻量版）',
    summary: '基于运营商5G网络切片与UPF下沉，为中小工厂提供即开即用的虚拟专网，生产数据不出园区，按月订阅。',
    industries: ['33', '34', '35', '36', '38', '39'],
    scenarios: ['S10', 'S02'],
    capabilities: ['5G专网', '网络切片', 'UPF下沉', '数据不出园区'],
    priceBand: 'under_10',
    weeks: 2,
    delivery: 'saas',
    references: [{ name: '黄埔区电子厂5G虚拟专网', enterpriseName: '广州黄埔演示新型显示科技有限公司', year: 2024 }],
    certifications: ['电信业务经营许可证'],
  },
  {
    provider: 1,
    title: '设备预测性维护云平台',
    summary: '振动、温度、电流传感器采集关键设备状态，云端模型预测轴承、电机故障，提前安排维修，减少非计划停机。',
    industries: ['34', '35', '33', '17'],
    scenarios: ['S16', 'S07'],
    capabilities: ['设备联网', '振动分析', '故障预测', '维修工单', '设备健康度'],
    priceBand: '10_50',
    weeks: 8,
    delivery: 'saas',
    references: [{ name: '数控机床群预测性维护', enterpriseName: '广州从化演示精密机械有限公司', year: 2025 }],
    certifications: ['ISO 27001'],
  },
  {
    provider: 1,
    title: '能耗在线监测与能效优化',
    summary: '分项计量电、水、气、蒸汽，按产线和班组核算单位产品能耗，识别空压机、空调等高耗能设备的节能空间。',
    industries: ['26', '29', '30', '13', '14'],
    scenarios: ['S13', 'S10'],
    capabilities: ['能耗监测', '碳排放核算', '峰谷用电', '空压机节能'],
    priceBand: '10_50',
    weeks: 6,
    delivery: 'saas',
    references: [{ name: '日化工厂能效管理', enterpriseName: '广州演示日化用品有限公司', year: 2024 }],
    certifications: ['ISO 50001 咨询资质'],
  },
  {
    provider: 2,
    title: '5G+AGV厂内智能物流',
    summary: '5G网联AGV与调度系统对接MES，实现原材料、半成品在仓库与产线间自动配送，适合多品种小批量车间。',
    industries: ['36', '38', '39', '21'],
    scenarios: ['S08', 'S17'],
    capabilities: ['AGV调度', '5G网联', 'MES对接', '仓储管理'],
    priceBand: '200_500',
    weeks: 16,
    delivery: 'on_premises',
    references: [{ name: '新能源汽车总装车间物流', enterpriseName: '广州增城演示新能源汽车有限公司', year: 2025 }],
    certifications: ['ISO 9001', 'CE'],
  },
  {
    provider: 2,
    title: 'AR远程专家协作',
    summary: '一线人员佩戴AR眼镜，经5G实时共享第一视角，远端专家标注指导装配与维修，减少专家出差。',
    industries: ['34', '35', '37', '38'],
    scenarios: ['S19', 'S05'],
    capabilities: ['AR眼镜', '远程协作', '装配指导', '知识库'],
    priceBand: 'under_10',
    weeks: 3,
    delivery: 'saas',
    references: [{ name: '船舶设备远程运维', enterpriseName: '广州演示船舶装备有限公司', year: 2024 }],
    certifications: [],
  },
  {
    provider: 3,
    title: '中小企业轻量化MES（注塑/五金）',
    summary: '面向注塑、五金冲压中小企业的云MES：工单排产、报工、设备OEE、质量记录，手机扫码即可上手，一个月上线。',
    industries: ['29', '33', '34'],
    scenarios: ['S04', 'S15', 'S10'],
    capabilities: ['生产排产', '扫码报工', 'OEE', '质量追溯', '移动端'],
    priceBand: '10_50',
    weeks: 4,
    delivery: 'saas',
    references: [
      { name: '五金件生产数字化', enterpriseName: '广州从化演示精密机械有限公司', year: 2025 },
      { name: '注塑车间报工上云', enterpriseName: '广州穗联演示智能装备有限公司', year: 2024 },
    ],
    certifications: ['ISO 9001', '软件企业证书'],
  },
  {
    provider: 3,
    title: '定制家居柔性生产与订单拆单',
    summary: '从门店设计图纸自动拆单生成板件清单，对接开料、封边、排钻设备，实现大规模个性化定制的柔性排产。',
    industries: ['21', '20'],
    scenarios: ['S04', 'S01'],
    capabilities: ['拆单软件', '柔性排产', 'CAD/CAM对接', '板件追溯'],
    priceBand: '50_200',
    weeks: 12,
    delivery: 'hybrid',
    references: [{ name: '全屋定制工厂柔性生产', enterpriseName: '广州白云演示定制家居有限公司', year: 2025 }],
    certifications: ['软件著作权'],
  },
  {
    provider: 3,
    title: '服装数字化打版与小单快反',
    summary: '3D数字化打版、智能排料与吊挂系统联动，支持100件起订的小单快反生产，缩短打样周期。',
    industries: ['18', '17', '19'],
    scenarios: ['S01', 'S04'],
    capabilities: ['3D打版', '智能排料', '吊挂系统', '小单快反'],
    priceBand: '50_200',
    weeks: 10,
    delivery: 'hybrid',
    references: [{ name: '女装工厂小单快反', enterpriseName: '广州海珠演示纺织服装有限公司', year: 2024 }],
    certifications: [],
  },
  {
    provider: 3,
    title: '食品生产全过程质量追溯',
    summary: '原料批次、生产工艺参数、检验结果与成品一物一码关联，满足食品安全追溯要求，支持消费者扫码查询。',
    industries: ['13', '14', '15'],
    scenarios: ['S15', 'S14'],
    capabilities: ['一物一码', '批次追溯', '工艺参数采集', '标识解析'],
    priceBand: '10_50',
    weeks: 6,
    delivery: 'saas',
    references: [{ name: '糕点生产追溯', enterpriseName: '广州越秀演示食品加工有限公司', year: 2025 }],
    certifications: ['ISO 22000 咨询资质'],
  },
  {
    provider: 4,
    title: '工控安全监测与等保合规',
    summary: '旁路部署工控安全监测探针，识别PLC、HMI资产与异常指令，输出等保2.0合规差距报告与整改建议。',
    industries: ['26', '27', '36', '38', '44'],
    scenarios: ['S10', 'S14'],
    capabilities: ['工控资产识别', '异常流量检测', '等保测评', '漏洞管理'],
    priceBand: '50_200',
    weeks: 8,
    delivery: 'on_premises',
    references: [{ name: '制药企业工控安全防护', enterpriseName: '广州荔湾演示生物医药有限公司', year: 2025 }],
    certifications: ['网络安全等级保护测评机构', 'CCRC 信息安全服务资质'],
  },
  {
    provider: 4,
    title: '医药GMP数据完整性管理',
    summary: '实验室与车间电子记录审计追踪、电子签名与数据备份，满足GMP附录《计算机化系统》对数据完整性的要求。',
    industries: ['27'],
    scenarios: ['S14', 'S15'],
    capabilities: ['审计追踪', '电子签名', '数据完整性', 'GMP合规'],
    priceBand: '50_200',
    weeks: 12,
    delivery: 'on_premises',
    references: [{ name: '生物药车间电子批记录', enterpriseName: '广州荔湾演示生物医药有限公司', year: 2024 }],
    certifications: ['ISO 27001'],
  },
  {
    provider: 1,
    title: '5G+数字孪生产线仿真',
    summary: '对产线设备、节拍和物流建模，在数字孪生中验证排产与换线方案，再下发到现场执行。',
    industries: ['36', '38', '39'],
    scenarios: ['S11', 'S04'],
    capabilities: ['数字孪生', '产线仿真', '三维可视化', '节拍优化'],
    priceBand: 'over_500',
    weeks: 24,
    delivery: 'on_premises',
    references: [],
    certifications: [],
    state: 'submitted',
  },
  {
    provider: 2,
    title: '无人机厂区安防巡检',
    summary: '5G网联无人机按航线自动巡检厂区周界、屋顶光伏和危化品仓库，AI识别烟火与人员入侵。',
    industries: ['26', '25', '44'],
    scenarios: ['S09'],
    capabilities: ['无人机', '自动巡检', '烟火识别', '周界防护'],
    priceBand: '50_200',
    weeks: 8,
    delivery: 'hybrid',
    references: [],
    certifications: [],
    state: 'returned',
  },
  {
    provider: 0,
    title: '云化PLC与远程设备操控',
    summary: '把PLC控制逻辑部署到5G边缘云，远程操控危险工位设备，适合高温、粉尘环境。',
    industries: ['31', '32', '30'],
    scenarios: ['S02', 'S03'],
    capabilities: ['云化PLC', '边缘云', '远程操控', '低时延'],
    priceBand: '200_500',
    weeks: 20,
    delivery: 'hybrid',
    references: [],
    certifications: [],
    state: 'draft',
  },
];

/** Inserts the demo solutions for the demo providers (in DEMO_PROVIDERS order); returns them. */
export async function loadSolutionDemo(
  tx: DbOrTx,
  ctx: { now: Date; providers: Array<{ id: string; name: string }> },
): Promise<Array<{ id: string; title: string; providerId: string; state: SolutionState }>> {
  const rows = DEMO_SOLUTIONS.flatMap((s, i) => {
    const provider = ctx.providers[s.provider];
    if (!provider) return [];
    const state = s.state ?? 'published';
    // Spread over the last months, so "newest first" means something.
    const at = new Date(ctx.now.getTime() - (DEMO_SOLUTIONS.length - i) * 5 * 86_400_000);
    return [
      {
        providerId: provider.id,
        title: s.title,
        summary: s.summary,
        industries: s.industries,
        scenarios: s.scenarios,
        capabilities: s.capabilities,
        priceBand: s.priceBand,
        deploymentWeeks: s.weeks,
        deliveryModel: s.delivery,
        references: s.references,
        certifications: s.certifications,
        contacts: [
          { name: `${provider.name.slice(0, 2)}解决方案经理（演示）`, phone: `020-8000${String(1000 + i).slice(-4)}`, email: null },
        ],
        state,
        reviewComment: state === 'returned' ? '请补充参考案例和安全飞行资质（演示）' : null,
        publishedAt: state === 'published' ? at : null,
        isDemo: true,
        createdAt: at,
        updatedAt: at,
      },
    ];
  });
  const inserted = await createSolutionRepo(tx).insertMany(rows);
  return inserted.map((r) => ({ id: r.id, title: r.title, providerId: r.providerId, state: r.state }));
}
