import { PROJECT_ACTIONS, REGISTRY_KEYS, type RegistryKey } from '@suilian/contracts';
import type { TFunction } from 'i18next';
import zhCN from '../../i18n/zh-CN';

type Names = (typeof zhCN)['auditNames'];
type Verb = keyof Names['verbs'];

const ENTITIES = zhCN.auditNames.entities;
const VERBS = zhCN.auditNames.verbs;
const isRegistry = (key: string): key is RegistryKey => (REGISTRY_KEYS as readonly string[]).includes(key);

/**
 * Actions the server builds as `<entity>.<verb>` (state machines, registries, plain create/update):
 * named "verb + entity" rather than listed one by one. The filter offers exactly these and the listed ones.
 */
const COMPOSED: ReadonlyArray<readonly [entity: string, verbs: readonly Verb[]]> = [
  ...REGISTRY_KEYS.map((key) => [key, ['create', 'update', 'delete', 'import', 'confirm', 'return']] as const),
  ['factory', ['create', 'update', 'import', 'confirm', 'return']],
  ['project', ['create', 'update', 'import', ...PROJECT_ACTIONS]],
  ['enterprise', ['create', 'update', 'import']],
  ['handle', ['create', 'update', 'delete']],
  ['handle_template', ['create']],
  ['handle_prefix', ['update']],
  ['indicator', ['create', 'update']],
  ['demand', ['create', 'update']],
  ['lead', ['create']],
  ['solution', ['create', 'update', 'submit', 'publish', 'return']],
  ['network', ['create', 'update']],
  ['organisation', ['create', 'update']],
  ['user', ['create']],
];

/** Actions named one by one: the nested `actions` catalogue flattened back to `a.b_c`. */
function listedActions(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : listedActions(value as object, `${prefix}${key}.`),
  );
}

/** Every action code the console can name (the audit filter's choices). */
export const AUDIT_ACTIONS: readonly string[] = [
  ...new Set([...listedActions(zhCN.auditNames.actions), ...COMPOSED.flatMap(([entity, verbs]) => verbs.map((v) => `${entity}.${v}`))]),
].sort();

/** Every entity type the console can name (the audit filter's choices). */
export const AUDIT_ENTITY_TYPES: readonly string[] = [...Object.keys(ENTITIES), ...REGISTRY_KEYS];

/** The name of an entity type (`vuln_finding` → 漏洞发现, `patents` → 专利); null when unknown. */
export function entityName(t: TFunction, entityType: string): string | null {
  if (isRegistry(entityType)) return t(`menu.${entityType}`);
  return Object.hasOwn(ENTITIES, entityType) ? t(`auditNames.entities.${entityType as keyof Names['entities']}`) : null;
}

/** The name of an audit action (`report.values_save` → 保存报表数据, `patents.confirm` → 确认专利); null when unknown. */
export function actionName(t: TFunction, action: string): string | null {
  const key = `auditNames.actions.${action}`;
  const listed = t(key as never, { returnObjects: true, defaultValue: '' }) as unknown;
  if (typeof listed === 'string' && listed !== '' && listed !== key) return listed;
  const dot = action.indexOf('.');
  if (dot < 0) return null;
  const entity = entityName(t, action.slice(0, dot));
  const verb = action.slice(dot + 1);
  if (!entity || !Object.hasOwn(VERBS, verb)) return null;
  return t('auditNames.composed', { verb: t(`auditNames.verbs.${verb as Verb}`), entity });
}

/** For a table cell: the name, or 其他操作 / 其他对象 (the code stays in the record for those who need it). */
export function actionLabel(t: TFunction, action: string): string {
  return actionName(t, action) ?? t('auditNames.other');
}

/** For a table cell: the entity type's name, or 其他对象. */
export function entityLabel(t: TFunction, entityType: string): string {
  return entityName(t, entityType) ?? t('auditNames.otherEntity');
}
