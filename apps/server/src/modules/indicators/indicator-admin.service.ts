import {
  type FormulaCheckResult,
  type IndicatorCreate,
  IndicatorCreateSchema,
  type IndicatorDefinition,
  type IndicatorSources,
  type IndicatorUpdate,
  PLAN_TARGET_PROTECTED_FIELDS,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import { COUNTER_NAMES } from './counter.repo.js';
import { checkDefinition, checkFormula } from './indicator.checks.js';
import { createMeasurer, loadCatalogue } from './indicator.measure.js';
import { indicatorPolicy } from './indicator.policy.js';
import { createIndicatorRepo, type IndicatorRow, parseReportedCounter } from './indicator.repo.js';

export interface IndicatorAdminDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
}

/** The stored row as the 指标管理 page edits it: `counter` split into a record counter or a data element. */
export function toDefinition(row: IndicatorRow): IndicatorDefinition {
  const reported = parseReportedCounter(row.counter);
  return {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    group: row.group,
    unit: row.unit,
    kind: row.kind,
    source: row.source,
    comparator: row.comparator,
    counter: reported ? null : row.counter,
    dataElement: reported?.element ?? null,
    formula: row.formula,
    target: row.target,
    targetDate: row.targetDate,
    baseline: row.baseline,
    baselineDate: row.baselineDate,
    milestones: row.milestones ?? null,
    thresholds: row.thresholds,
    definitionZh: row.definitionZh,
    definitionEn: row.definitionEn,
    sortOrder: row.sortOrder,
    isPublic: row.isPublic,
    isPlanTarget: row.isPlanTarget,
    protectedFields: row.isPlanTarget ? [...PLAN_TARGET_PROTECTED_FIELDS] : ['code'],
    retiredAt: row.retiredAt?.toISOString() ?? null,
    retiredReason: row.retiredReason,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Creating, editing and retiring indicators (issue #4 item 1), for holders of indicator:manage.
 * The plan's 16 targets stay: their code and everything the plan states (names, unit, kind, source,
 * target and date) are refused; baseline, milestones, thresholds, definitions and order may change.
 * They cannot be retired. Every write is audited in its transaction.
 */
export function createIndicatorAdminService(deps: IndicatorAdminDeps) {
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  async function locked(tx: DbOrTx, code: string, version: number) {
    const row = await createIndicatorRepo(tx).findByCode(code, { lock: true });
    if (!row) throw notFound('indicator');
    if (row.version !== version) throw staleVersion('indicator');
    return row;
  }

  return {
    async definitions(actor: Actor, query: { retired?: 'include' | 'only' | undefined }): Promise<IndicatorDefinition[]> {
      indicatorPolicy.authorize(actor, 'read');
      const rows = await createIndicatorRepo(deps.db).findAll({ ...(query.retired ? { retired: query.retired } : {}) });
      return rows.map(toDefinition);
    },

    async sources(actor: Actor): Promise<IndicatorSources> {
      indicatorPolicy.authorize(actor, 'read');
      const catalogue = await loadCatalogue(deps.db);
      return {
        counters: COUNTER_NAMES,
        dataElements: [...catalogue.elements.values()],
        indicators: [...catalogue.indicators.values()].map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, unit: r.unit })),
      };
    },

    /** The live check behind the formula field: the rules of saving, and the city-wide value today when it passes. */
    async checkFormula(actor: Actor, input: { formula: string; code?: string | undefined }): Promise<FormulaCheckResult> {
      indicatorPolicy.authorize(actor, 'manage');
      const catalogue = await loadCatalogue(deps.db);
      const code = input.code ?? '(new)';
      const { expression: _expression, ...check } = checkFormula(code, input.formula, catalogue);
      if (!check.ok) return { ...check, value: null, reason: null };
      const preview = await createMeasurer(deps.db, catalogue).preview(code, input.formula, today());
      return { ...check, value: preview.value, reason: preview.reason };
    },

    async create(actor: Actor, input: IndicatorCreate): Promise<IndicatorDefinition> {
      indicatorPolicy.authorize(actor, 'manage');
      const def = IndicatorCreateSchema.parse(input);
      if (def.code.startsWith('T-'))
        throw fieldError('VALIDATION_FAILED', 'code', 'reserved', 'codes starting with T- are the plan’s targets; choose another prefix');
      return deps.db.transaction(async (tx) => {
        const catalogue = await loadCatalogue(tx);
        const fields = checkDefinition(def.code, { ...def, isPlanTarget: false } as never, catalogue);
        const now = deps.clock.now();
        const row = await createIndicatorRepo(tx).insert({
          ...(fields as Required<typeof fields>),
          code: def.code,
          isPlanTarget: false,
          updatedAt: now,
        });
        if (!row)
          throw new AppError('DUPLICATE', `code: ${def.code} already exists`, {
            issues: [{ field: 'code', rule: 'unique', message: `${def.code} already exists` }],
          });
        const after = toDefinition(row);
        await deps.audit.append(tx, actor, { action: 'indicator.create', entityType: 'indicator', entityId: row.code, after });
        return after;
      });
    },

    async update(actor: Actor, code: string, patch: IndicatorUpdate): Promise<IndicatorDefinition> {
      indicatorPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const current = await locked(tx, code, patch.version);
        if (current.retiredAt)
          throw refusal('CONFLICT', 'indicator.retired_edit', `${code} is retired; restore it before editing`, { code });
        const before = toDefinition(current);
        const { version: _version, ...changes } = patch;
        if (current.isPlanTarget) {
          for (const field of PLAN_TARGET_PROTECTED_FIELDS) {
            const next = changes[field];
            if (next !== undefined && JSON.stringify(next) !== JSON.stringify(before[field])) {
              throw fieldError(
                'VALIDATION_FAILED',
                field,
                'plan_target',
                `${code} is a target of the plan (穗工信函〔2025〕256号): its ${field} is the plan's and cannot change; baseline, milestones, thresholds, definitions and order can`,
              );
            }
          }
        }
        const merged = { ...before, ...changes };
        const fields = checkDefinition(code, merged, await loadCatalogue(tx));
        const row = await createIndicatorRepo(tx).update(code, current.version, { ...fields, updatedAt: deps.clock.now() });
        if (!row) throw staleVersion('indicator');
        const after = toDefinition(row);
        await deps.audit.append(tx, actor, { action: 'indicator.update', entityType: 'indicator', entityId: code, before, after });
        return after;
      });
    },

    /** Takes an indicator out of the lists and the dashboard; refused for plan targets and indicators other formulas use. */
    async retire(actor: Actor, code: string, input: { version: number; reason: string }): Promise<IndicatorDefinition> {
      indicatorPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const current = await locked(tx, code, input.version);
        if (current.isPlanTarget)
          throw refusal('CONFLICT', 'indicator.plan_target', `${code} is a target of the plan and cannot be retired`, { code });
        if (current.retiredAt) throw refusal('CONFLICT', 'indicator.already_retired', `${code} is already retired`, { code });
        const catalogue = await loadCatalogue(tx);
        const users = [...catalogue.indicators.values()].filter((r) => r.formula && new RegExp(`I\\{\\s*${code}\\s*\\}`).test(r.formula));
        if (users.length > 0)
          throw refusal(
            'CONFLICT',
            'indicator.used_by_formula',
            `${code} is used by the formula of ${users.map((r) => r.code).join(', ')}; change those first`,
            {
              code,
              users: users.map((r) => r.code).join('、'),
            },
          );
        const row = await createIndicatorRepo(tx).update(code, current.version, {
          retiredAt: deps.clock.now(),
          retiredReason: input.reason,
          updatedAt: deps.clock.now(),
        });
        if (!row) throw staleVersion('indicator');
        const after = toDefinition(row);
        await deps.audit.append(tx, actor, {
          action: 'indicator.retire',
          entityType: 'indicator',
          entityId: code,
          before: toDefinition(current),
          after,
        });
        return after;
      });
    },

    async restore(actor: Actor, code: string, input: { version: number }): Promise<IndicatorDefinition> {
      indicatorPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const current = await locked(tx, code, input.version);
        if (!current.retiredAt) throw refusal('CONFLICT', 'indicator.not_retired', `${code} is not retired`, { code });
        // Whatever its formula uses must still exist.
        checkDefinition(code, toDefinition(current), await loadCatalogue(tx));
        const row = await createIndicatorRepo(tx).update(code, current.version, {
          retiredAt: null,
          retiredReason: null,
          updatedAt: deps.clock.now(),
        });
        if (!row) throw staleVersion('indicator');
        const after = toDefinition(row);
        await deps.audit.append(tx, actor, {
          action: 'indicator.restore',
          entityType: 'indicator',
          entityId: code,
          before: toDefinition(current),
          after,
        });
        return after;
      });
    },
  };
}

export type IndicatorAdminService = ReturnType<typeof createIndicatorAdminService>;
