import type { Widen } from './widen';

/** `a` and `b` merged one level deep: both sides' codes of a domain both present in the catalogue. */
export function withDomains<A extends Record<string, object>, B extends Record<string, object>>(a: A, b: B): A & B {
  const merged: Record<string, object> = { ...a };
  for (const [domain, codes] of Object.entries(b)) merged[domain] = { ...merged[domain], ...codes };
  return merged as A & B;
}

/**
 * Wording of the server's refusal reasons (REASON_CODES), by domain; spread into `reasons` by
 * reasons.ts (merged with withDomains, so other parts may word codes of the same domain). `$t(projectStates.{{state}})` words a code-valued parameter by its label (i18next
 * interpolates before it nests). zh-CN is the source of truth.
 */
export const zhCN = {
  account: {
    token_no_password: 'API 令牌没有密码，请以个人账号登录后修改密码。',
    token_no_profile: 'API 令牌没有个人资料，请以个人账号登录。',
  },
  advisory: {
    csaf_invalid: '文件“{{file}}”不是有效的 CSAF 2.0 文档（校验发现 {{problems}} 处问题），未导入。',
    directory_too_large: '一次目录导入的文件总大小不能超过 {{maxMegabytes}} MB，请分批导入。',
    directory_too_many_files: '一次目录导入最多 {{max}} 个文件，请分批导入。',
    file_empty: '文件“{{file}}”为空，未导入。',
    file_not_json: '文件“{{file}}”不是有效的 JSON（可能被截断或损坏），未导入。',
    file_not_storable: '文件“{{file}}”含有数据库无法保存的字符或数值，未导入。',
    file_too_large: '文件“{{file}}”超过 {{maxMegabytes}} MB 的单个公告上限，未导入。',
  },
  asset: {
    enterprise_only: '只有企业用户可以维护资产。',
    referenced: '该资产已有漏洞发现或扫描结果，为保留历史记录不能删除。',
  },
  codelist: {
    already_retired: '该代码已停用。',
  },
  dashboard: {
    city_district_only: '驾驶舱仅对市级和区级用户开放。',
    own_district_only: '区级用户只能查看本区数据。',
  },
  enterprise: {
    register_scope: '只有市级和区级用户可以登记企业。',
  },
  export: {
    cell_too_long: '“{{record}}”的“{{column}}”超过 Excel 单元格的 {{max}} 个字符上限，请筛选掉该记录后再导出。',
    too_many_rows: '当前筛选结果共 {{total}} 条，超过单次导出上限 {{max}} 条，请缩小筛选范围后再导出。',
  },
  handle: {
    not_prefix_admin: '您不在前缀 {{prefix}} 的管理员组中。',
    prefix_delegated: '前缀 {{prefix}} 已分配，不能重复分配。',
  },
  indicator: {
    already_retired: '指标 {{code}} 已停用。',
    city_district_only: '指标仅对市级和区级用户开放。',
    not_retired: '指标 {{code}} 未停用，无需恢复。',
    plan_target: '指标 {{code}} 是规划目标，不能停用。',
    retired_edit: '指标 {{code}} 已停用，请先恢复再编辑。',
    used_by_formula: '指标 {{code}} 被 {{users}} 的公式引用，请先修改这些指标。',
  },
  match: {
    already_decided: '该匹配已研判，只有“待研判”的匹配可以研判。',
  },
  notification: {
    outbox_city_only: '邮件发件箱仅由市级管理。',
    person_only: '通知属于个人，当前调用方没有个人账号。',
  },
  notice: {
    already_published: '该通报已发布。',
    published_not_edited: '已发布的通报不能修改，请另行发布新通报。',
  },
  organisation: {
    city_missing: '系统中缺少市级组织，请先导入基础数据。',
    kind_not_managed: '您的角色不能维护“$t(orgKinds.{{kind}})”类组织。',
  },
  progress_report: {
    city_only: '进展报告覆盖全市，只能由市级用户生成。',
    no_content: '报告状态为“$t(progressReports.statuses.{{status}})”，尚无内容。',
    no_pdf: '报告状态为“$t(progressReports.statuses.{{status}})”，尚无 PDF 文件。',
  },
  white_paper: {
    not_draft: '白皮书当前为“$t(whitePapers.states.{{state}})”，只有草稿可以修改、刷新数据或提交审核。',
    not_in_review: '白皮书当前为“$t(whitePapers.states.{{state}})”，只有审核中的白皮书可以退回或发布。',
    own_submission: '白皮书须由提交人以外的审核人发布。',
    period_exists: '该期白皮书已存在：{{number}}。',
  },
  project: {
    acceptance_report_required: '验收前须在附件中上传验收报告。',
    not_editable: '“$t(projectStates.{{state}})”状态的项目不能修改。',
    progress_only: '“$t(projectStates.{{state}})”状态的项目只能更新申报编号、实际日期和投资。',
    scenario_required: '提交前须至少选择一个应用场景。',
    transition_comment: '“$t(projectActions.{{action}})”须填写意见，说明原因。',
    transition_date: '“$t(projectActions.{{action}})”须填写发生日期。',
    transition_illegal: '“$t(projectStates.{{state}})”状态的项目不能“$t(projectActions.{{action}})”。',
    transition_role: '您的角色不能对“$t(projectStates.{{state}})”状态的项目执行“$t(projectActions.{{action}})”。',
  },
  registry: {
    platform_in_use: '已有测试记录引用该测试平台，请先删除这些记录。',
  },
  reporting: {
    form_comment: '“$t(reporting.actions.{{action}})”须填写原因。',
    form_completed: '报表已提交，请先撤回再修改数据。',
    form_illegal: '“$t(reporting.states.{{state}})”的报表不能“$t(reporting.actions.{{action}})”。',
    form_role: '您的角色不能“$t(reporting.actions.{{action}})”报表。',
    locked_accepted: '报表已被市级接收，已锁定。',
    locked_approved: '报表已审批，已锁定。',
    locked_expired: '截止日期已过（{{since}} 起锁定），如需补报请联系市级管理员开放例外。',
    locked_future: '报送期尚未开始（{{until}} 开放）。',
    locked_not_started: '报送期尚未开始（{{until}} 开放）。',
    reminders_city_only: '报送提醒由市级统一发送。',
  },
  selection: {
    score_in_person: '评分须由专家本人登录后进行，不能通过 API 令牌。',
  },
  token: {
    admin_handle_invalid: '令牌名称不能作为标识后缀（{{handle}}），请换一个名称。',
    admin_handle_taken: '标识 {{handle}} 已存在，无法作为该令牌的管理员标识，请换一个令牌名称。',
    already_revoked: '该令牌已吊销。',
    not_by_token: 'API 令牌不能创建或吊销 API 令牌。',
    person_only: 'API 令牌只能由个人账号签发。',
    role_not_managed: '您的角色不能签发“$t(roles.{{role}})”令牌。',
  },
  user: {
    disable_self: '不能停用自己的账号。',
    last_city_admin: '这是最后一个在用的市级管理员账号，不能改为其他角色。请先为其他人设置市级管理员角色。',
    role_change_city_admin_only: '只有市级管理员可以更改账号的角色和所属机构。',
    role_change_person_only: 'API 令牌不能更改账号角色，请以个人账号登录后操作。',
    role_change_self: '不能更改自己的角色，请由另一位市级管理员操作。',
    role_unchanged: '角色和所属机构都没有变化。',
    role_not_managed: '您的角色不能管理“$t(roles.{{role}})”账号。',
  },
};

export const enUS: Widen<typeof zhCN> = {
  account: {
    token_no_password: 'An API token has no password; sign in with a personal account to change it.',
    token_no_profile: 'An API token has no profile; sign in with a personal account.',
  },
  advisory: {
    csaf_invalid: '“{{file}}” is not a valid CSAF 2.0 document ({{problems}} problems found); it was not imported.',
    directory_too_large: 'One directory import may hold at most {{maxMegabytes}} MB in total; import it in parts.',
    directory_too_many_files: 'One directory import may hold at most {{max}} files; import it in parts.',
    file_empty: '“{{file}}” is empty; it was not imported.',
    file_not_json: '“{{file}}” is not valid JSON (truncated or damaged?); it was not imported.',
    file_not_storable: '“{{file}}” holds a character or number the database cannot store; it was not imported.',
    file_too_large: '“{{file}}” is larger than the {{maxMegabytes}} MB an advisory may have; it was not imported.',
  },
  asset: {
    enterprise_only: 'Only enterprise users keep assets.',
    referenced: 'The asset has findings or scan results; it stays for their history.',
  },
  codelist: {
    already_retired: 'This code is already retired.',
  },
  dashboard: {
    city_district_only: 'The dashboard is for city and district users.',
    own_district_only: 'District users see their own district only.',
  },
  enterprise: {
    register_scope: 'Only city and district users register enterprises.',
  },
  export: {
    cell_too_long:
      '"{{column}}" of "{{record}}" holds more than the {{max}} characters an Excel cell takes; filter the record out of the export.',
    too_many_rows: 'The filtered list holds {{total}} rows, more than the {{max}} one export takes; narrow the filters and export again.',
  },
  handle: {
    not_prefix_admin: 'You are not in the administrator group of prefix {{prefix}}.',
    prefix_delegated: 'Prefix {{prefix}} is already delegated.',
  },
  indicator: {
    already_retired: 'Indicator {{code}} is already retired.',
    city_district_only: 'Indicators are for city and district users.',
    not_retired: 'Indicator {{code}} is not retired.',
    plan_target: 'Indicator {{code}} is a target of the plan and cannot be retired.',
    retired_edit: 'Indicator {{code}} is retired; restore it before editing.',
    used_by_formula: 'Indicator {{code}} is used by the formula of {{users}}; change those first.',
  },
  match: {
    already_decided: 'This match is already decided; only matches that need review are reviewed.',
  },
  notification: {
    outbox_city_only: 'The mail outbox is kept at city level.',
    person_only: 'Notifications belong to a person; this caller has no personal account.',
  },
  notice: {
    already_published: 'The notice is already published.',
    published_not_edited: 'A published notice is not edited; issue a new one.',
  },
  organisation: {
    city_missing: 'The city organisation is missing; load the reference data first.',
    kind_not_managed: 'Your role may not manage $t(orgKinds.{{kind}}) organisations.',
  },
  progress_report: {
    city_only: 'A progress report covers the city; it is generated at city level.',
    no_content: 'The report is $t(progressReports.statuses.{{status}}); it has no content yet.',
    no_pdf: 'The report is $t(progressReports.statuses.{{status}}); it has no PDF yet.',
  },
  white_paper: {
    not_draft: 'The white paper is $t(whitePapers.states.{{state}}); only a draft is edited, refreshed or submitted.',
    not_in_review: 'The white paper is $t(whitePapers.states.{{state}}); only an edition in review is returned or published.',
    own_submission: 'A white paper is published by a reviewer other than its submitter.',
    period_exists: 'This period already has an edition: {{number}}.',
  },
  project: {
    acceptance_report_required: 'Attach the acceptance report before accepting.',
    not_editable: 'A project in state "$t(projectStates.{{state}})" cannot be edited.',
    progress_only: 'A project in state "$t(projectStates.{{state}})" only takes progress updates (filing id, actual dates, investment).',
    scenario_required: 'Choose at least one scenario before submitting.',
    transition_comment: '"$t(projectActions.{{action}})" needs a comment saying why.',
    transition_date: '"$t(projectActions.{{action}})" needs the date it happened.',
    transition_illegal: 'A project in state "$t(projectStates.{{state}})" cannot take "$t(projectActions.{{action}})".',
    transition_role: 'Your role may not take "$t(projectActions.{{action}})" on a project in state "$t(projectStates.{{state}})".',
  },
  registry: {
    platform_in_use: 'Test records refer to this test platform; remove them first.',
  },
  reporting: {
    form_comment: '"$t(reporting.actions.{{action}})" needs a reason.',
    form_completed: 'The form is submitted; withdraw it to change values.',
    form_illegal: 'A form in state "$t(reporting.states.{{state}})" cannot take "$t(reporting.actions.{{action}})".',
    form_role: 'Your role may not take "$t(reporting.actions.{{action}})" on a form.',
    locked_accepted: 'The form was accepted by the city and is locked.',
    locked_approved: 'The form is approved and locked.',
    locked_expired: 'The deadline has passed (locked since {{since}}); ask a city administrator for an exception.',
    locked_future: 'The reporting period has not started yet (opens {{until}}).',
    locked_not_started: 'The reporting period has not started yet (opens {{until}}).',
    reminders_city_only: 'Reporting reminders are sent at city level.',
  },
  selection: {
    score_in_person: 'Scores are given by the expert in person, not through an API token.',
  },
  token: {
    admin_handle_invalid: 'The token name cannot be a handle suffix ({{handle}}); choose another name.',
    admin_handle_taken: 'The handle {{handle}} already exists and cannot be this token’s admin handle; choose another token name.',
    already_revoked: 'This token is already revoked.',
    not_by_token: 'API tokens cannot create or revoke API tokens.',
    person_only: 'Only people issue API tokens.',
    role_not_managed: 'Your role may not issue $t(roles.{{role}}) tokens.',
  },
  user: {
    disable_self: 'You cannot disable your own account.',
    last_city_admin:
      'This is the last active city administrator account; it cannot take another role. Make someone else a city administrator first.',
    role_change_city_admin_only: "Only city administrators change an account's role and organisation.",
    role_change_person_only: 'An API token cannot change roles; sign in with a personal account.',
    role_change_self: 'You cannot change your own role; another city administrator must do it.',
    role_unchanged: 'Neither the role nor the organisation changes.',
    role_not_managed: 'Your role may not manage $t(roles.{{role}}) accounts.',
  },
};
