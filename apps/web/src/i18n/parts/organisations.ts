import type { Widen } from './widen';

/** Console messages for organisations. zh-CN is the source of truth. */
export const zhCN = {
  orgs: {
    title: '组织机构',
    treeView: '树形',
    tableView: '列表',
    treeTitle: '组织机构树',
    searchPlaceholder: '搜索组织名称、信用代码',
    selectHint: '在左侧组织机构树中选择一个组织，查看详情或在其下新建。',
    treeEmpty: '暂无可见的组织机构。',
    empty: '暂无组织。点击"新建"添加区、企业、服务商或专家库。',
    emptyFiltered: '没有符合条件的组织，请调整筛选条件。',
    createTitle: '新建组织',
    editTitle: '编辑组织',
    created: '已创建 {{name}}',
    district: '所属区',
    parent: '上级组织',
    staleReloaded: '该组织已被他人修改，已重新加载最新数据，请核对后再提交。',
    demo: '演示数据',
  },
};

export const enUS: Widen<typeof zhCN> = {
  orgs: {
    title: 'Organisations',
    treeView: 'Tree',
    tableView: 'Table',
    treeTitle: 'Organisation tree',
    searchPlaceholder: 'Search name or credit code',
    selectHint: 'Select an organisation in the tree on the left to see its details or create one below it.',
    treeEmpty: 'No organisations visible to you.',
    empty: 'No organisations yet. Click "New" to add a district, enterprise, provider or expert pool.',
    emptyFiltered: 'No organisations match these filters. Change the filters.',
    createTitle: 'New organisation',
    editTitle: 'Edit organisation',
    created: '{{name}} created',
    district: 'District',
    parent: 'Parent',
    staleReloaded: 'Someone else changed this organisation. The latest data has been reloaded; check it and submit again.',
    demo: 'Demo data',
  },
};
