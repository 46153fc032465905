import type { Widen } from './widen';

/** Console messages for the everyday details (issue #12 item 7): batch actions, global search, breadcrumbs, chart downloads. zh-CN is the source of truth. */
export const zhCN = {
  batch: {
    selected: '已选 {{n}} 项',
    clear: '取消选择',
    action: '批量操作',
    note: '处理说明',
    noteRequired: '该操作须填写处理说明',
    apply: '执行',
    resultTitle: '批量操作结果',
    summary: '成功 {{ok}} 项，未成功 {{failed}} 项',
    allDone: '全部 {{ok}} 项已完成',
    rowOk: '已完成',
    rowFailed: '未完成',
    progress: '正在处理 {{done}} / {{total}} 项…',
    comment: '意见',
    commentRequired: '该操作须填写意见',
  },
  search: {
    placeholder: '搜索企业、项目、标识、漏洞',
    hint: '输入至少 2 个字，↑↓ 选择，回车打开',
    empty: '没有找到匹配的记录',
    kinds: {
      enterprise: '企业',
      project: '项目',
      handle: '标识',
      vulnerability: '漏洞',
    },
  },
  resolve: {
    technical: '技术信息（HS_ADMIN、TTL、索引等）',
  },
  breadcrumb: {
    home: '首页',
    detail: '详情',
  },
  chart: {
    scope: '范围：{{scope}}',
    date: '导出日期：{{date}}',
    download: '下载图片',
  },
  finding: {
    whatToDo: '处置建议',
    description: '漏洞描述',
    cvss: 'CVSS 评分',
    remediations: '修复措施（来自安全公告）',
    noRemediation: '公告未给出修复措施，请联系设备厂商。',
    relatedNotices: '相关预警通报',
    noNotices: '暂无涉及该漏洞的通报',
    remediationCategories: {
      vendor_fix: '厂商修复',
      workaround: '临时规避',
      mitigation: '缓解措施',
      no_fix_planned: '厂商不计划修复',
      none_available: '暂无修复方案',
      fix_planned: '厂商计划修复',
      optional_patch: '可选补丁',
    },
  },
};

export const enUS: Widen<typeof zhCN> = {
  batch: {
    selected: '{{n}} selected',
    clear: 'Clear selection',
    action: 'Batch action',
    note: 'Note',
    noteRequired: 'This action needs a note',
    apply: 'Apply',
    resultTitle: 'Batch result',
    summary: '{{ok}} done, {{failed}} not done',
    allDone: 'All {{ok}} done',
    rowOk: 'Done',
    rowFailed: 'Not done',
    progress: 'Working on {{done}} of {{total}}…',
    comment: 'Comment',
    commentRequired: 'This action needs a comment',
  },
  search: {
    placeholder: 'Search enterprises, projects, identifiers, vulnerabilities',
    hint: 'Type at least 2 characters, ↑↓ to choose, Enter to open',
    empty: 'Nothing matches',
    kinds: {
      enterprise: 'Enterprises',
      project: 'Projects',
      handle: 'Identifiers',
      vulnerability: 'Vulnerabilities',
    },
  },
  resolve: {
    technical: 'Technical values (HS_ADMIN, TTL, indexes …)',
  },
  breadcrumb: {
    home: 'Home',
    detail: 'Details',
  },
  chart: {
    scope: 'Scope: {{scope}}',
    date: 'Exported: {{date}}',
    download: 'Download image',
  },
  finding: {
    whatToDo: 'What to do',
    description: 'Description',
    cvss: 'CVSS score',
    remediations: 'Remediation (from the advisory)',
    noRemediation: 'The advisory gives no remediation; contact the vendor.',
    relatedNotices: 'Related early-warning notices',
    noNotices: 'No notice concerns this vulnerability yet',
    remediationCategories: {
      vendor_fix: 'Vendor fix',
      workaround: 'Workaround',
      mitigation: 'Mitigation',
      no_fix_planned: 'No fix planned',
      none_available: 'None available',
      fix_planned: 'Fix planned',
      optional_patch: 'Optional patch',
    },
  },
};
