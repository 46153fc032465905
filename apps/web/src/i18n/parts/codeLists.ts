import type { Widen } from './widen';

/** Console messages for code lists. zh-CN is the source of truth. */
export const zhCN = {
  codeLists: {
    title: '代码表',
    version: '版本 {{version}}',
    items: '条目',
    attrs: '属性',
    since: '启用版本',
    retiredIn: '停用版本',
    active: '在用',
    retired: '已停用',
    showRetired: '显示已停用',
    retire: '停用',
    restore: '恢复',
    retireConfirm: '停用后新录入的记录不能再选择"{{name}}"，已有记录保留原值。确定停用？',
    retiredDone: '已停用 {{name}}',
    restored: '已恢复 {{name}}',
    addItem: '新增条目',
    editItem: '编辑条目',
    readOnly: '代码表由市级管理员维护；如需新增或修改条目，请联系市级管理员。',
    empty: '该代码表暂无条目。',
  },
};

export const enUS: Widen<typeof zhCN> = {
  codeLists: {
    title: 'Code lists',
    version: 'Version {{version}}',
    items: 'Items',
    attrs: 'Attributes',
    since: 'Since version',
    retiredIn: 'Retired in version',
    active: 'Active',
    retired: 'Retired',
    showRetired: 'Show retired',
    retire: 'Retire',
    restore: 'Restore',
    retireConfirm: 'New records will no longer offer "{{name}}"; existing records keep it. Retire it?',
    retiredDone: 'Retired {{name}}',
    restored: 'Restored {{name}}',
    addItem: 'New item',
    editItem: 'Edit item',
    readOnly: 'Code lists are maintained by city administrators; ask one to add or change items.',
    empty: 'This code list has no items.',
  },
};
