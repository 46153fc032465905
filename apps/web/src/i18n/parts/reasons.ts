import { enUS as importEnUS, zhCN as importZhCN } from './importReasons';
import { enUS as matchEnUS, zhCN as matchZhCN } from './matchReasons';
import { enUS as refusalEnUS, zhCN as refusalZhCN, withDomains } from './refusalReasons';
import { enUS as ruleEnUS, zhCN as ruleZhCN } from './ruleReasons';
import type { Widen } from './widen';

/**
 * Refusal reasons the server sends as `details.reason = { code, params }` (RefusalReasonSchema), one
 * sentence per code; `{{param}}` placeholders take the reason's params. Keys are the codes with the
 * first dot kept as nesting: `project.scenario_required` → reasons.project.scenario_required.
 * zh-CN is the source of truth; a code missing here falls back to the generic sentence of the error
 * code (never to the server's English).
 */
export const zhCN = {
  reasons: withDomains(
    { ...refusalZhCN, ...ruleZhCN, ...matchZhCN, ...importZhCN },
    {
      demand: {
        closed: '该需求已关闭，不能再对接；如仍有需要，请重新打开需求。',
        not_editable: '该需求已关闭，不能修改；如需修改请先重新打开。',
      },
      lead: {
        already_open: '该需求与该解决方案已有对接线索，请在对接线索中继续跟进。',
        closed: '该对接线索已结束（已成交或未成交），不能再变更状态。',
        solution_not_published: '只能与已发布的解决方案对接。',
        status_by_provider: '对接状态由服务商推进；企业可添加跟进记录。',
        status_not_allowed: '对接线索不能从当前状态转到所选状态。',
      },
      solution: {
        not_editable: '只有草稿或被退回的解决方案可以修改；已发布的方案请先下架再重新编写。',
        transition_not_allowed: '该解决方案当前状态下不能执行此操作，请刷新后重试。',
      },
      confirmation: {
        already_confirmed: '该记录已由区级确认，无需重复确认。',
        already_returned: '该记录已退回企业，等待企业修改后重新申报。',
      },
      device: {
        key_taken: '该设备标识已被其他设备使用，请换一个标识。',
      },
      alarm: {
        not_active: '该告警已确认或已清除，无需再次确认。',
      },
      telemetry: {
        device_credentials: '设备标识或密钥不正确：请以 HTTP Basic 方式发送设备标识和密钥。',
      },
      sla: {
        code_taken: '已有代码为 {{code}} 的SLA模板，请换一个代码。',
        csv_column_missing: '路测文件缺少必需的列 {{column}}（列名见模板说明）。',
        csv_column_unknown: '路测文件中的列 {{column}} 不在约定的列中，请检查列名与单位（如 latency_ms 而非 latency_s）。',
        csv_not_number: '第 {{line}} 行的 {{column}} 应为数字（不带单位）。',
        csv_out_of_range: '第 {{line}} 行的 {{column}} 超出范围 {{min}} 至 {{max}}，请检查单位。',
        csv_time: '第 {{line}} 行的时间应为带时区的 ISO 8601 格式（如 2026-11-03T10:00:00+08:00）。',
        file_empty: '文件是空的。',
        file_not_json: '文件不是有效的 JSON：请上传 iperf3 -J 的输出。',
        iperf3_error: 'iperf3 测试本身失败了：{{detail}}',
        iperf3_no_intervals: '文件中没有 iperf3 的分段测量结果（intervals）。',
        no_samples: '{{period}} 没有任何测试文件或探针数据，无法计算。',
        not_awaiting: '该验收结果当前不在待签署状态，请刷新后查看。',
        ping_no_replies: '文件中没有 ping 的应答行，请上传 Linux ping 的原始输出。',
        ping_no_start: 'ping 输出中没有时间戳：请用 ping -D 测试，或填写测试开始时间。',
        ping_unit: 'ping 的时延单位应为 ms，文件中为 {{unit}}。',
        profile_missing: '请先为专网选择SLA模板。',
        signed_off: '{{period}} 的验收结果已签署通过，不能再更改其测试数据或重新计算。',
        too_many_samples: '文件样本数超过上限 {{max}}，请拆分后上传。',
        wrong_format: '文件内容看起来是 {{format}} 格式，与所选格式不符。',
      },
      network: {
        operators_only: '只有基础电信运营商可以登记5G专网；服务商账号不能登记。',
        transition_not_allowed: '该专网当前状态不允许此操作，请刷新后查看可执行的操作。',
      },
      notification: {
        outbox_admin_only: '只有系统管理员可以立即投递邮件。',
      },
      project: {
        district_of_enterprise: '项目所在区即企业所在区，不能另选其他区。',
      },
      financing: {
        already_answered: '贵行已答复过该融资需求，不能重复答复。',
        enterprise_only: '融资需求由企业用户本人发起，不能代为发起。',
        not_your_step: '当前环节不由您办理。',
        offer_expired: '该授信方案已于 {{until}} 过期，不能再接受。',
        step_not_allowed: '该融资需求当前状态不能执行此操作，请刷新后重试。',
      },
      fund: {
        amount_over_cap: '申请金额超过奖补规则允许的上限（{{ceiling}} 元）。',
        below_disbursed: '核定金额不能低于已拨付的金额（{{disbursed}} 元）。',
        enterprise_only: '专项资金由企业用户本人申请，不能代为申请。',
        ineligible: '该申请不符合专项的申报条件（{{count}} 项），请查看下列原因。',
        no_investment_5g: '项目未填写5G投资额，无法按比例计算奖补金额。',
        not_editable: '只有草稿或被退回的申请可以修改。',
        not_your_step: '当前环节不由您办理。',
        objection_open: '公示异议尚未处理完毕，处理后方可作出奖补决定。',
        objection_resolved: '该异议已处理。',
        objection_upheld: '公示异议成立，该申请不能奖补，请作出不予支持的决定。',
        over_budget: '专项预算不足，剩余可用 {{remaining}} 元。',
        publicity_running: '公示期至 {{endsOn}} 结束，期满后方可作出奖补决定。',
        step_not_allowed: '该申请当前状态不能执行此操作，请刷新后重试。',
        tranche_over_award: '拨付金额超过尚未拨付的核定金额（剩余 {{remaining}} 元）。',
        unknown_level: '请选择专项规定的奖补档次。',
        window_closed: '不在专项的申报期内（{{opensOn}} 至 {{closesOn}}）。',
      },
      dataset: {
        code_taken: '数据集编码“{{code}}”已被使用，请换一个。',
        not_uploaded: '该数据集取自平台数据，不能上传统计表。',
      },
      training: {
        already_enrolled: '此人已报名该活动，无需重复报名。',
        capacity_full: '名额已满（共 {{max}} 个名额）。',
        code_exhausted: '验证码错误次数过多，请重新报名获取新的验证码。',
        code_expired: '验证码已过期，请重新报名获取新的验证码。',
        code_wrong: '验证码不正确，还可尝试 {{attemptsLeft}} 次。',
        cohort_only: '只有课程的期次可以结业，活动只记签到。',
        not_attended: '{{name}} 未签到，不能结业。',
        not_enrolled: '此人未报名该活动，不能签到。',
        not_open: '报名已截止（活动于 {{until}} 结束）。',
        not_started: '活动尚未开始，{{since}} 起可以签到。',
        provider_without_district: '本单位尚未归属到区，不能组织培训，请联系区级管理员。',
        sms_unavailable: '短信验证码暂未开通，请使用电子邮箱接收验证码。',
      },
      sanction: {
        already_lifted: '该取消资格已解除，无需重复操作。',
        in_force: '该企业处于取消资格期内（{{basis}}，至 {{endsOn}}），不能申报项目、参加遴选或申请资金。',
      },
      report: {
        four_eyes: '报表须由提交人（{{submitter}}）以外的人员审批。',
        on_behalf_required: '市级用户只能以"代{{district}}填报"的方式填写区级报表，并将记录为代填。',
      },
      two_factor: {
        already_enabled: '已启用双因素认证；如需更换设备，请先关闭或由管理员重置。',
        code_reused: '该验证码已使用过，每个验证码只能使用一次。请等待验证器显示下一个验证码后再输入。',
        no_enrolment: '请先开始绑定，再输入验证码。',
        not_enabled: '该账号尚未启用双因素认证。',
        not_pending: '本次登录已完成验证，无需再输入验证码。',
        required_by_role: '您的角色要求启用双因素认证，不能关闭。',
        session_only: '双因素认证仅用于浏览器登录。',
        token: 'API 令牌不使用双因素认证。',
      },
    },
  ),
};

export const enUS: Widen<typeof zhCN> = {
  reasons: withDomains(
    { ...refusalEnUS, ...ruleEnUS, ...matchEnUS, ...importEnUS },
    {
      demand: {
        closed: 'This demand is closed; reopen it to match it again.',
        not_editable: 'A closed demand is not edited; reopen it first.',
      },
      lead: {
        already_open: 'A lead for this demand and solution already exists; follow it up there.',
        closed: 'This lead is over (deal or no deal); its status no longer changes.',
        solution_not_published: 'Leads are opened only with published solutions.',
        status_by_provider: 'The provider moves the lead’s status; the enterprise adds follow-up notes.',
        status_not_allowed: 'The lead cannot move from its current status to the chosen one.',
      },
      solution: {
        not_editable: 'Only draft or returned solutions are edited; retire a published one and write it again.',
        transition_not_allowed: 'This step is not open for the solution in its current state; reload and try again.',
      },
      confirmation: {
        already_confirmed: 'The district has already confirmed this record.',
        already_returned: 'This record has already been returned to the enterprise; it waits for the enterprise to declare it again.',
      },
      device: {
        key_taken: 'Another device already has this key; choose another.',
      },
      alarm: {
        not_active: 'This alarm has already been acknowledged or cleared.',
      },
      telemetry: {
        device_credentials: 'Wrong device key or secret: send them as HTTP Basic credentials.',
      },
      sla: {
        code_taken: 'An SLA profile with the code {{code}} exists; choose another code.',
        csv_column_missing: 'The drive-test file lacks the required column {{column}} (see the column list).',
        csv_column_unknown:
          'The drive-test column {{column}} is not one of the agreed columns; check the name and unit (latency_ms, not latency_s).',
        csv_not_number: '{{column}} on line {{line}} should be a number (without a unit).',
        csv_out_of_range: '{{column}} on line {{line}} is outside {{min}} to {{max}}; check the unit.',
        csv_time: 'The time on line {{line}} should be ISO 8601 with an offset (2026-11-03T10:00:00+08:00).',
        file_empty: 'The file is empty.',
        file_not_json: 'The file is not valid JSON: upload the output of iperf3 -J.',
        iperf3_error: 'The iperf3 test itself failed: {{detail}}',
        iperf3_no_intervals: 'The file has no iperf3 interval measurements.',
        no_samples: 'There are no test files or probe data in {{period}} to compute from.',
        not_awaiting: 'This result is not awaiting sign-off; reload to see its state.',
        ping_no_replies: 'The file has no ping replies; upload the raw output of Linux ping.',
        ping_no_start: 'The ping output has no timestamps: test with ping -D, or give the start time.',
        ping_unit: 'Ping times should be in ms; the file has {{unit}}.',
        profile_missing: 'Choose an SLA profile for the network first.',
        signed_off: 'The result of {{period}} was accepted; its tests and result can no longer change.',
        too_many_samples: 'The file holds more than {{max}} samples; split it.',
        wrong_format: 'The file looks like {{format}}, not the format chosen.',
      },
      network: {
        operators_only: 'Only telecom operators register private networks; service provider accounts cannot.',
        transition_not_allowed: 'The network’s current state does not allow this step; reload to see the steps open to you.',
      },
      notification: {
        outbox_admin_only: 'Only system administrators can dispatch the mail outbox now.',
      },
      project: {
        district_of_enterprise: "A project is in its enterprise's district; another district cannot be chosen.",
      },
      financing: {
        already_answered: 'Your bank has already answered this request.',
        enterprise_only: 'Financing requests are sent by the enterprise’s own users, not on their behalf.',
        not_your_step: 'This step is not yours to take.',
        offer_expired: 'This offer expired on {{until}} and can no longer be accepted.',
        step_not_allowed: 'This step is not possible in the request’s current state; reload and try again.',
      },
      fund: {
        amount_over_cap: 'The amount requested is above what the award rule allows ({{ceiling}} yuan).',
        below_disbursed: 'The awarded amount cannot fall below what was already paid ({{disbursed}} yuan).',
        enterprise_only: 'Funds are applied for by the enterprise’s own users, not on their behalf.',
        ineligible: 'The application does not meet the programme’s eligibility rules ({{count}}); see the reasons below.',
        no_investment_5g: 'The project declares no 5G investment, so the share-based award cannot be computed.',
        not_editable: 'Only a draft or returned application can be edited.',
        not_your_step: 'This step is not yours to take.',
        objection_open: 'A publicity objection is still open: resolve it before deciding the award.',
        objection_resolved: 'This objection has already been resolved.',
        objection_upheld: 'A publicity objection was upheld: this application cannot be awarded; reject it.',
        over_budget: 'The programme’s budget does not cover this award; {{remaining}} yuan remain.',
        publicity_running: 'Publicity runs until {{endsOn}}; the award can be decided after it ends.',
        step_not_allowed: 'This step is not possible in the application’s current state; reload and try again.',
        tranche_over_award: 'The tranche exceeds the awarded amount not yet paid ({{remaining}} yuan left).',
        unknown_level: 'Choose one of the programme’s award levels.',
        window_closed: 'The programme does not take applications now ({{opensOn}} to {{closesOn}}).',
      },
      dataset: {
        code_taken: 'The dataset code “{{code}}” is taken; choose another.',
        not_uploaded: 'This dataset is built from the platform’s data; it takes no uploaded table.',
      },
      training: {
        already_enrolled: 'This person is already signed up for the activity.',
        capacity_full: 'Every seat is taken ({{max}} seats).',
        code_exhausted: 'Too many wrong codes: sign up again to get a new one.',
        code_expired: 'The code has expired: sign up again to get a new one.',
        code_wrong: 'The code is not right; {{attemptsLeft}} tries left.',
        cohort_only: 'Only a course’s cohort is completed; events record check-in only.',
        not_attended: '{{name}} was not checked in and cannot complete.',
        not_enrolled: 'This person is not signed up for the activity and cannot be checked in.',
        not_open: 'Sign-up has closed (the activity ended on {{until}}).',
        not_started: 'The activity has not started; check-in opens on {{since}}.',
        provider_without_district: 'Your organisation is not placed in a district yet; ask the district administrator.',
        sms_unavailable: 'Codes by text message are not available yet; use an e-mail address.',
      },
      sanction: {
        already_lifted: 'This sanction has already been lifted.',
        in_force:
          'The enterprise is sanctioned ({{basis}}, until {{endsOn}}): it cannot declare projects, apply to selections or claim funds.',
      },
      report: {
        four_eyes: 'A report is approved by someone other than its submitter ({{submitter}}).',
        on_behalf_required: 'City users fill a district report only on behalf of {{district}}, recorded as such.',
      },
      two_factor: {
        already_enabled: 'Two-factor authentication is already on; to change devices, turn it off or ask an administrator to reset it.',
        code_reused: 'This code has already been used, and each code works once. Wait for your authenticator to show the next code.',
        no_enrolment: 'Start the set-up first, then enter a code.',
        not_enabled: 'This account has no two-factor authentication.',
        not_pending: 'This login is already verified; no code is needed.',
        required_by_role: 'Your role requires two-factor authentication; it cannot be turned off.',
        session_only: 'Two-factor authentication applies to browser logins only.',
        token: 'API tokens do not use two-factor authentication.',
      },
    },
  ),
};
