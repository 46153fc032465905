import type { RegistryKey } from '@suilian/contracts';
import type { Widen } from './widen';

/** Console messages for registries, their labels and options. zh-CN is the source of truth. */
export const zhCN = {
  registries: {
    create: '新建',
    createTitle: '新建{{name}}',
    editTitle: '编辑{{name}}',
    searchPlaceholder: '搜索名称',
    empty: '暂无{{name}}记录。点击"新建"登记。',
    emptyFiltered: '没有符合条件的记录，请调整筛选条件。',
    created: '已登记 {{title}}',
    deleteConfirm: '确定删除"{{title}}"？删除后无法恢复。',
    owner: '所属单位',
    ownerHint: '不选则登记在本单位名下',
    evidence: '佐证材料',
    noEvidence: '暂无佐证材料。',
    addTrainee: '添加学员',
    allCompleted: '全部结业',
    traineeCount: '已结业 {{completed}} / {{total}} 人',
    noTrainees: '暂无学员。',
    quantity: {
      events: '参会人数',
      trainings: '结业人数',
    },
    platformName: '中试平台',
  },
  registryLabels: {
    standards: { title: '标准名称', date: '发布（立项）日期' },
    patents: { title: '专利名称', date: '登记日期' },
    'pilot-projects': { title: '项目名称', date: '公布日期' },
    carriers: { title: '载体名称', date: '认定日期' },
    platforms: { title: '平台名称', date: '登记日期' },
    events: { title: '活动名称', date: '举办日期' },
    trainings: { title: '培训名称', date: '开班日期' },
    research: { title: '攻关项目名称', date: '立项日期' },
    products: { title: '产品名称', date: '发布日期' },
    'test-platforms': { title: '平台名称', date: '建成日期' },
    'test-records': { title: '测试名称', date: '测试日期' },
  } satisfies Record<RegistryKey, { title: string; date: string }>,
  registryOptions: {
    standards: {
      level: { international: '国际标准', national: '国家标准', industry: '行业标准', group: '团体标准' },
      role: { led: '主导', participated: '参与' },
      status: { drafting: '制定中', approved: '已批准', published: '已发布' },
    },
    patents: {
      kind: { invention: '发明专利', utility_model: '实用新型', design: '外观设计' },
    },
    'pilot-projects': {
      level: { national: '国家级', provincial: '省级' },
    },
    carriers: {
      kind: { industry_college: '现代产业学院', school_enterprise_base: '校企协同育人示范基地', training_base: '实训基地', other: '其他' },
    },
    events: {
      kind: { exchange_meeting: '交流会议', training: '培训活动', case_release: '案例发布', hundred_cities: '百城千园行' },
    },
    research: {
      topic: {
        slicing: '网络切片',
        detnet: '确定性网络',
        '5g_tsn': '5G+TSN',
        cloud_plc: '云化PLC',
        redcap: 'RedCap',
        passive_iot: '无源物联',
        isac: '通感一体',
        '6g': '6G',
        other: '其他',
      },
    },
    products: {
      category: {
        module: '模组',
        terminal: '终端',
        router: '工业路由器',
        agv: 'AGV',
        camera: '工业相机',
        robot: '机器人',
        chip: '芯片',
        other: '其他',
      },
    },
    'test-records': {
      result: { passed: '通过', failed: '未通过', conditional: '有条件通过' },
    },
  },
};

export const enUS: Widen<typeof zhCN> = {
  registries: {
    create: 'New',
    createTitle: 'New: {{name}}',
    editTitle: 'Edit: {{name}}',
    searchPlaceholder: 'Search title',
    empty: 'No {{name}} recorded yet. Click "New" to add one.',
    emptyFiltered: 'No record matches these filters.',
    created: 'Recorded {{title}}',
    deleteConfirm: 'Delete "{{title}}"? It cannot be undone.',
    owner: 'Organisation',
    ownerHint: 'Leave empty to record it for your own organisation',
    evidence: 'Evidence',
    noEvidence: 'No evidence attached.',
    addTrainee: 'Add trainee',
    allCompleted: 'All completed',
    traineeCount: '{{completed}} of {{total}} completed',
    noTrainees: 'No trainees.',
    quantity: {
      events: 'Attendance',
      trainings: 'Completed',
    },
    platformName: 'Pilot-test platform',
  },
  registryLabels: {
    standards: { title: 'Standard', date: 'Published (or started)' },
    patents: { title: 'Patent title', date: 'Recorded on' },
    'pilot-projects': { title: 'Project', date: 'Announced on' },
    carriers: { title: 'Carrier', date: 'Recognised on' },
    platforms: { title: 'Platform', date: 'Recorded on' },
    events: { title: 'Event', date: 'Held on' },
    trainings: { title: 'Training', date: 'Starts on' },
    research: { title: 'Research project', date: 'Started on' },
    products: { title: 'Product', date: 'Released on' },
    'test-platforms': { title: 'Platform', date: 'Opened on' },
    'test-records': { title: 'Test', date: 'Tested on' },
  },
  registryOptions: {
    standards: {
      level: { international: 'International', national: 'National', industry: 'Industry', group: 'Group' },
      role: { led: 'Led', participated: 'Participated' },
      status: { drafting: 'Drafting', approved: 'Approved', published: 'Published' },
    },
    patents: {
      kind: { invention: 'Invention', utility_model: 'Utility model', design: 'Design' },
    },
    'pilot-projects': {
      level: { national: 'National', provincial: 'Provincial' },
    },
    carriers: {
      kind: {
        industry_college: 'Modern industry college',
        school_enterprise_base: 'School–enterprise training demonstration base',
        training_base: 'Practical training base',
        other: 'Other',
      },
    },
    events: {
      kind: {
        exchange_meeting: 'Exchange meeting',
        training: 'Training',
        case_release: 'Case release',
        hundred_cities: '100 cities, 1000 parks tour',
      },
    },
    research: {
      topic: {
        slicing: 'Network slicing',
        detnet: 'Deterministic networking',
        '5g_tsn': '5G + TSN',
        cloud_plc: 'Cloud PLC',
        redcap: 'RedCap',
        passive_iot: 'Passive IoT',
        isac: 'ISAC',
        '6g': '6G',
        other: 'Other',
      },
    },
    products: {
      category: {
        module: 'Module',
        terminal: 'Terminal',
        router: 'Industrial router',
        agv: 'AGV',
        camera: 'Industrial camera',
        robot: 'Robot',
        chip: 'Chip',
        other: 'Other',
      },
    },
    'test-records': {
      result: { passed: 'Passed', failed: 'Failed', conditional: 'Passed with conditions' },
    },
  },
};
