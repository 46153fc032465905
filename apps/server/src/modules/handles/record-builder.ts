import {
  FIRST_ATTRIBUTE_INDEX,
  type HandleIssue,
  type HandleRegistrationItem,
  type HandleValueInput,
  HANDLE_RESPONSE_CODES as RC,
  TEMPLATE_VERSION_INDEX,
} from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import type { PrefixRow } from './handle.repo.js';
import { isSyntaxProblem, type ParsedHandle, parseHandle } from './logic/syntax.js';
import { attributeValues, isWebUrl, recordTemplateIssues, stringValue, type TemplateLike, templateRefOf } from './logic/template.js';
import { defaultAdminValue, isoSeconds, normaliseValues, type StoredValue, sameContent } from './logic/values.js';

/** What building a record needs from the outside: prefixes, permission, templates, suffixes. */
export interface BuildContext {
  actor: Actor | null;
  now: Date;
  lookupPrefix(prefix: string): PrefixRow | undefined;
  canAdminister(actor: Actor | null, row: PrefixRow): boolean;
  /** The template of a class (newest when version is undefined), or null. */
  template(prefix: string, industryCode: string, version?: number): Promise<TemplateLike | null>;
  mintSuffix(): string;
}

export type Built =
  | { ok: true; parsed: ParsedHandle; prefix: PrefixRow; values: StoredValue[] }
  | { ok: false; handle: string | null; responseCode: number; status: 'invalid' | 'forbidden'; message: string; issues?: HandleIssue[] };

const MAX_VALUES = 500;
const MAX_RECORD_BYTES = 64 * 1024;

const invalid = (handle: string | null, message: string, issues?: HandleIssue[], responseCode: number = RC.INVALID_VALUE): Built => ({
  ok: false,
  handle,
  responseCode,
  status: 'invalid',
  message,
  ...(issues ? { issues } : {}),
});

/** Parses the handle and checks that the platform serves its prefix and the actor administers it. */
export function checkTarget(ctx: BuildContext, handle: string): Built | { ok: true; parsed: ParsedHandle; prefix: PrefixRow } {
  const parsed = parseHandle(handle);
  if (isSyntaxProblem(parsed))
    return invalid(handle, parsed.message, [{ field: 'handle', rule: parsed.rule, message: parsed.message }], RC.INVALID_HANDLE);
  const prefix = ctx.lookupPrefix(parsed.prefix);
  if (!prefix || prefix.status !== 'active') {
    const message = `this server is not responsible for prefix ${parsed.prefix}`;
    return invalid(handle, message, [{ field: 'handle', rule: 'served', message }], RC.SERVER_NOT_RESP);
  }
  if (!ctx.canAdminister(ctx.actor, prefix)) {
    return {
      ok: false,
      handle,
      responseCode: ctx.actor ? RC.INSUFFICIENT_PERMISSIONS : RC.AUTHEN_NEEDED,
      status: 'forbidden',
      message: ctx.actor ? `you are not in the administrator group of ${prefix.prefix}` : 'authentication needed',
    };
  }
  return { ok: true, parsed: { ...parsed, prefix: prefix.prefix }, prefix };
}

/**
 * Final checks of a whole record: size, an HS_ADMIN value (added when missing), and — when index
 * 1001 names a template — every attribute against that template, item by item.
 */
export async function completeRecord(
  ctx: BuildContext,
  target: { parsed: ParsedHandle; prefix: PrefixRow },
  values: StoredValue[],
): Promise<Built> {
  const handle = target.parsed.handle;
  if (values.length > MAX_VALUES)
    return invalid(handle, `a record holds at most ${MAX_VALUES} values`, [
      { field: 'values', rule: 'max', message: `at most ${MAX_VALUES}` },
    ]);
  const withAdmin = values.some((v) => v.type.toUpperCase() === 'HS_ADMIN')
    ? values
    : [...values, defaultAdminValue(target.prefix.prefix, ctx.now)];
  withAdmin.sort((a, b) => a.index - b.index);
  if (Buffer.byteLength(JSON.stringify(withAdmin)) > MAX_RECORD_BYTES) {
    return invalid(handle, 'the record is larger than 64 KB', [{ field: 'values', rule: 'size', message: 'at most 64 KB' }]);
  }
  const ref = templateRefOf(withAdmin);
  if (withAdmin.some((v) => v.index === TEMPLATE_VERSION_INDEX) && !ref) {
    return invalid(handle, 'index 1001 holds the template as <industry class>@<version>, e.g. C3831@2', [
      { field: 'values[index=1001]', rule: 'template_ref', message: 'expected <industry class>@<version>' },
    ]);
  }
  if (ref) {
    const template = await ctx.template(target.prefix.prefix, ref.industryCode, ref.version);
    if (!template) {
      const message = `prefix ${target.prefix.prefix} has no template ${ref.industryCode} version ${ref.version}`;
      return invalid(handle, message, [{ field: 'values[index=1001]', rule: 'template_exists', message }]);
    }
    const issues = recordTemplateIssues(template, withAdmin);
    if (issues.length)
      return invalid(handle, `the record breaks template ${ref.industryCode}@${ref.version}: ${summarise(issues)}`, issues);
  }
  return { ok: true, parsed: target.parsed, prefix: target.prefix, values: withAdmin };
}

/** A record from raw Handle values (PUT /api/handles/…). */
export async function buildFromValues(
  ctx: BuildContext,
  handle: string,
  inputs: readonly HandleValueInput[],
  previous: readonly StoredValue[] = [],
): Promise<Built> {
  const target = checkTarget(ctx, handle);
  if (!target.ok) return target;
  const { values, issues } = normaliseValues(inputs, ctx.now, previous);
  if (issues.length) return invalid(handle, summarise(issues), issues);
  // A replacement without HS_ADMIN keeps the record's administrator value rather than resetting it.
  const keepAdmin = values.some((v) => v.type.toUpperCase() === 'HS_ADMIN')
    ? []
    : previous.filter((v) => v.type.toUpperCase() === 'HS_ADMIN' && !values.some((x) => x.index === v.index));
  return completeRecord(ctx, target, [...values, ...keepAdmin]);
}

/**
 * A record from a registration item (console form, batch, CSV row): url → index 1, the template's
 * attributes → 1001 and 2000+, extra raw values elsewhere.
 */
export async function buildFromItem(
  ctx: BuildContext,
  item: HandleRegistrationItem,
  defaults: { prefix?: string | undefined; industryCode?: string | undefined },
  previous: readonly StoredValue[] = [],
  fixedHandle?: string,
): Promise<Built> {
  let handle = fixedHandle ?? item.handle;
  if (!fixedHandle && item.mintNewSuffix) {
    const prefix = handle?.includes('/') ? handle.slice(0, handle.indexOf('/')) : defaults.prefix;
    if (!prefix)
      return invalid(null, 'mintNewSuffix needs a prefix', [
        { field: 'prefix', rule: 'required', message: 'name the prefix to mint under' },
      ]);
    const stem = handle?.includes('/') ? handle.slice(handle.indexOf('/') + 1) : (handle ?? '');
    handle = `${prefix}/${stem}${ctx.mintSuffix()}`;
  } else if (handle && !handle.includes('/') && defaults.prefix) {
    handle = `${defaults.prefix}/${handle}`;
  }
  if (!handle)
    return invalid(null, 'give the handle, or mintNewSuffix', [{ field: 'handle', rule: 'required', message: 'the handle is required' }]);
  const target = checkTarget(ctx, handle);
  if (!target.ok) return target;

  const issues: HandleIssue[] = [];
  const values: StoredValue[] = [];
  const timestamp = isoSeconds(ctx.now);
  if (item.url !== undefined && item.url !== '') {
    if (isWebUrl(item.url)) values.push(stringValue(1, 'URL', item.url, timestamp));
    else issues.push({ field: 'url', rule: 'url', message: 'an http:// or https:// address' });
  }
  const industryCode = item.industryCode ?? defaults.industryCode;
  if (industryCode) {
    const template = await ctx.template(target.prefix.prefix, industryCode, item.templateVersion);
    if (!template) {
      issues.push({
        field: 'industryCode',
        rule: 'template_exists',
        message: `prefix ${target.prefix.prefix} has no template for ${industryCode}${item.templateVersion ? ` version ${item.templateVersion}` : ''}`,
      });
    } else {
      const fromTemplate = attributeValues(template, item.attributes ?? {}, ctx.now);
      issues.push(...fromTemplate.issues);
      values.push(...fromTemplate.values);
    }
  } else if (item.attributes && Object.keys(item.attributes).length) {
    issues.push({ field: 'industryCode', rule: 'required', message: 'attributes need a template: give industryCode' });
  }
  if (item.values?.length) {
    const raw = normaliseValues(item.values, ctx.now, previous);
    issues.push(...raw.issues);
    for (const [i, v] of raw.values.entries()) {
      if (industryCode && (v.index === TEMPLATE_VERSION_INDEX || v.index >= FIRST_ATTRIBUTE_INDEX)) {
        issues.push({ field: `values[${i}].index`, rule: 'template_range', message: 'indexes 1001 and 2000+ belong to the template' });
      } else if (values.some((x) => x.index === v.index)) {
        issues.push({
          field: `values[${i}].index`,
          rule: 'duplicate_index',
          message: `index ${v.index} is already used by ${v.index === 1 ? 'url' : 'the template'}`,
        });
      } else values.push(v);
    }
  }
  if (issues.length) return invalid(target.parsed.handle, summarise(issues), issues);
  // Unchanged values keep their timestamps, so re-sending a record is recognised as identical.
  const prior = new Map(previous.map((v) => [v.index, v]));
  const stamped = values.map((v) => {
    const old = prior.get(v.index);
    return old && sameContent(old, v) ? { ...v, timestamp: old.timestamp } : v;
  });
  const keepAdmin = previous.filter((v) => v.type.toUpperCase() === 'HS_ADMIN' && !stamped.some((x) => x.index === v.index));
  return completeRecord(ctx, target, [...stamped, ...keepAdmin]);
}

function summarise(issues: readonly HandleIssue[]): string {
  const head = issues
    .slice(0, 5)
    .map((i) => `${i.field}: ${i.message}`)
    .join('; ');
  return issues.length > 5 ? `${head}; and ${issues.length - 5} more` : head;
}
