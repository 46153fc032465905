import type { Widen } from './widen';

/**
 * Wording of the vulnerability matcher's reasons (`matching.*`, MatchReason.reason) and the labels of
 * their kinds (`kind_*`), spread into `reasons` by reasons.ts. zh-CN is the source of truth.
 */
export const zhCN = {
  matching: {
    conflict:
      '公告 {{affected}} 判定为“$t(vulnerabilities.productStatus.{{affectedStatus}})”，而公告 {{notAffected}} 判定为“$t(vulnerabilities.productStatus.{{notAffectedStatus}})”，需人工研判。',
    kind_conflict: '冲突',
    kind_model: '型号',
    kind_product: '产品',
    kind_status: '状态',
    kind_vendor: '厂商',
    kind_version: '版本',
    model_exact: '型号“{{model}}”与公告所列型号“{{listed}}”一致。',
    model_missing: '资产未登记型号，公告列出的型号为 {{models}}。',
    model_not_listed: '型号“{{model}}”不在公告所列型号 {{models}} 中，且无法与之比较。',
    model_pattern: '型号“{{model}}”符合公告的型号规则“{{pattern}}”。',
    model_product_name: '型号“{{model}}”即公告所列产品“{{listed}}”（产品名本身就是型号）。',
    product_by_model: '产品“{{product}}”与“{{display}}”名称相近（相似度 {{score}}），以型号为准。',
    product_similar: '产品“{{product}}”与“{{display}}”名称相近（相似度 {{score}}）。',
    product_similar_model_parts: '产品“{{product}}”与“{{display}}”名称相近（相似度 {{score}}），但名称中的型号部分不同。',
    status: '公告 {{advisory}} 对产品 {{product}} 的判定为“$t(vulnerabilities.productStatus.{{status}})”。',
    status_other_versions: '公告 {{advisory}} 对该产品其他版本的判定为“$t(vulnerabilities.productStatus.{{status}})”。',
    vendor_alias: '厂商“{{asset}}”通过别名“{{alias}}”对应“{{canonical}}”。',
    vendor_exact: '厂商“{{asset}}”即“{{canonical}}”。',
    vendor_similar: '厂商“{{asset}}”与“{{canonical}}”相近（相似度 {{score}}），但不在别名表中。',
    vendor_spacing: '厂商“{{asset}}”与“{{canonical}}”仅空格不同。',
    version: '版本“{{version}}”对照公告 {{advisory}}：$t(vulnerabilities.verdicts.{{result}})。',
    version_fixed:
      '版本“{{version}}”不在公告 {{advisory}} 所列受影响版本（{{list}}）中，且已达到公告给出的修复版本 {{fixed}}，判定为不受影响。',
    version_line: '版本“{{version}}”属于公告产品名所指的 {{line}} 版本线。',
    version_line_unknown: '公告只涉及 {{line}} 版本线，资产版本“{{version}}”无法判断所属版本线，需人工研判。',
    version_outside: '已识别该产品，但版本“{{version}}”不在公告 {{advisory}} 的受影响范围（{{versions}}）内，判定为不受影响。',
    version_unlisted: '版本“{{version}}”不在公告 {{advisory}} 所列版本中（受影响版本：{{list}}）。',
  },
};

export const enUS: Widen<typeof zhCN> = {
  matching: {
    conflict:
      '{{affected}} says $t(vulnerabilities.productStatus.{{affectedStatus}}) but {{notAffected}} says $t(vulnerabilities.productStatus.{{notAffectedStatus}}); review needed.',
    kind_conflict: 'Conflict',
    kind_model: 'Model',
    kind_product: 'Product',
    kind_status: 'Status',
    kind_vendor: 'Vendor',
    kind_version: 'Version',
    model_exact: 'Model "{{model}}" is the listed "{{listed}}".',
    model_missing: 'The asset has no model number; the advisory lists {{models}}.',
    model_not_listed: 'Model "{{model}}" is not among the advisory\'s {{models}} and not comparable with them.',
    model_pattern: 'Model "{{model}}" matches the advisory\'s pattern "{{pattern}}".',
    model_product_name: 'Model "{{model}}" is the product "{{listed}}" the advisory names (the product name is a model number).',
    product_by_model: 'Product "{{product}}" is close to "{{display}}" (similarity {{score}}); the model number decides.',
    product_similar: 'Product "{{product}}" is close to "{{display}}" (similarity {{score}}).',
    product_similar_model_parts: 'Product "{{product}}" is close to "{{display}}" (similarity {{score}}), but the model-like parts differ.',
    status: '{{advisory}} says $t(vulnerabilities.productStatus.{{status}}) for product {{product}}.',
    status_other_versions: '{{advisory}} says $t(vulnerabilities.productStatus.{{status}}) for other versions of this product.',
    vendor_alias: 'Vendor "{{asset}}" is "{{canonical}}" through the alias "{{alias}}".',
    vendor_exact: 'Vendor "{{asset}}" is "{{canonical}}".',
    vendor_similar: 'Vendor "{{asset}}" is close to "{{canonical}}" (similarity {{score}}) but not in the alias table.',
    vendor_spacing: 'Vendor "{{asset}}" is "{{canonical}}" written without spaces.',
    version: 'Version "{{version}}" against {{advisory}}: $t(vulnerabilities.verdicts.{{result}}).',
    version_fixed:
      'Version "{{version}}" is not among the affected versions {{advisory}} names ({{list}}) and has the fix {{fixed}} it names: not affected.',
    version_line: 'Version "{{version}}" is on the release line {{line}} the advisory\'s product name names.',
    version_line_unknown:
      'The advisory is about release line {{line}} only; version "{{version}}" does not tell the asset\'s line, review needed.',
    version_outside:
      'The product is recognised, but version "{{version}}" lies outside the affected versions of {{advisory}} ({{versions}}): not affected.',
    version_unlisted: 'Version "{{version}}" is not among the versions {{advisory}} names (affected: {{list}}).',
  },
};
