import type {
  DataElement,
  DataElementInput,
  DataElementUpdate,
  DataSetConfig,
  DataSetInput,
  DataSetUpdate,
  FieldIssue,
  ValidationRuleConfig,
  ValidationRuleInput,
  ValidationRuleUpdate,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError, fieldError, notFound } from '../../../platform/errors.js';
import { parseExpression } from '../logic/expression/parse.js';
import { references } from '../logic/expression/references.js';
import { reportingConfigPolicy } from '../reporting.policy.js';
import { type ConfigRepo, createConfigRepo } from './config.repo.js';
import { checkRuleSides } from './rule-sides.js';

export interface ConfigServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
}

type ElementRow = NonNullable<Awaited<ReturnType<ConfigRepo['findElement']>>>;
type SetRow = NonNullable<Awaited<ReturnType<ConfigRepo['findDataSet']>>>;
type RuleRow = NonNullable<Awaited<ReturnType<ConfigRepo['findRule']>>>;

const invalid = (issues: FieldIssue[]) =>
  new AppError('VALIDATION_FAILED', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
const inUse = (field: string, rule: string, message: string) => new AppError('CONFLICT', message, { issues: [{ field, rule, message }] });
const duplicate = (what: string, code: string) =>
  new AppError('DUPLICATE', `code: a ${what} with code ${code} exists already`, {
    issues: [{ field: 'code', rule: 'unique', message: `a ${what} with code ${code} exists already` }],
  });

/** The data elements two formulas mention (a rule's sides, or an indicator formula and `0`); unreadable ones mention none. */
function ruleElements(rule: { left: string; right: string }): string[] {
  const codes = new Set<string>();
  for (const side of [rule.left, rule.right]) {
    try {
      for (const code of references(parseExpression(side)).dataElements) codes.add(code);
    } catch {
      // a rule stored before checks existed: it mentions nothing we can guard
    }
  }
  return [...codes];
}

/**
 * 报送配置: data elements, data sets and validation rules. City administrators (report:configure)
 * change them; everyone with report:read reads them. Edits that would make stored data
 * inconsistent (deleting an element that has values, changing its type, dropping an element a rule
 * uses, changing the period type of a data set with forms) are refused with the reason.
 */
export function createConfigService(deps: ConfigServiceDeps) {
  async function write<T>(actor: Actor, work: (repo: ConfigRepo, tx: DbOrTx) => Promise<T>): Promise<T> {
    reportingConfigPolicy.authorize(actor, 'configure');
    return deps.db.transaction(async (tx) => {
      const repo = createConfigRepo(tx);
      await repo.lockConfiguration();
      return work(repo, tx);
    });
  }

  async function presentElements(repo: ConfigRepo, rows: ElementRow[]): Promise<DataElement[]> {
    const counts = await repo.valueCounts();
    const membership = await repo.membership();
    return rows.map((e) => ({
      code: e.code,
      nameZh: e.nameZh,
      nameEn: e.nameEn,
      valueType: e.valueType,
      aggregation: e.aggregation,
      unit: e.unit,
      description: e.description ?? null,
      valueCount: counts.get(e.code) ?? 0,
      dataSets: [...new Set(membership.filter((m) => m.dataElementCode === e.code).map((m) => m.dataSetCode))],
      updatedAt: e.updatedAt.toISOString(),
    }));
  }

  async function presentSets(repo: ConfigRepo, rows: SetRow[]): Promise<DataSetConfig[]> {
    const membership = await repo.membership();
    const rules = await repo.ruleCounts();
    const forms = await repo.formCounts();
    return Promise.all(
      rows.map(async (s) => {
        const sections: DataSetConfig['sections'] = [];
        for (const m of membership.filter((x) => x.dataSetCode === s.code)) {
          const last = sections.at(-1);
          if (last && last.name === m.section) last.elements.push(m.dataElementCode);
          else sections.push({ name: m.section, elements: [m.dataElementCode] });
        }
        return {
          code: s.code,
          nameZh: s.nameZh,
          nameEn: s.nameEn,
          periodType: s.periodType,
          openFuturePeriods: s.openFuturePeriods,
          expiryDays: s.expiryDays,
          inputWindow: s.inputWindow ?? null,
          sections,
          ruleCount: rules.get(s.code) ?? 0,
          formCount: (forms.get(s.code) ?? 0) + (await repo.formsWithValues(s.code)),
          updatedAt: s.updatedAt.toISOString(),
        };
      }),
    );
  }

  const presentRule = (r: RuleRow): ValidationRuleConfig => ({
    code: r.code,
    dataSet: r.dataSetCode,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    description: r.description ?? null,
    left: r.left,
    operator: r.operator as ValidationRuleConfig['operator'],
    right: r.right,
    strategy: r.strategy as ValidationRuleConfig['strategy'],
    importance: r.importance,
    updatedAt: r.updatedAt.toISOString(),
  });

  /** Every element exists, none twice; returns the data_set_element rows in form order. */
  async function setElements(repo: ConfigRepo, code: string, sections: DataSetInput['sections']) {
    const wanted = sections.flatMap((s) => s.elements);
    const known = new Set((await repo.findElements(wanted)).map((e) => e.code));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    sections.forEach((section, i) => {
      section.elements.forEach((element, j) => {
        const field = `sections.${i}.elements.${j}`;
        if (!known.has(element)) issues.push({ field, rule: 'unknown_reference', message: `unknown data element ${element}` });
        else if (seen.has(element)) issues.push({ field, rule: 'duplicate', message: `data element ${element} is in the data set twice` });
        seen.add(element);
      });
    });
    if (issues.length > 0) throw invalid(issues);
    return sections
      .flatMap((s) => s.elements.map((e) => ({ section: s.name, dataElementCode: e })))
      .map((e, position) => ({
        dataSetCode: code,
        dataElementCode: e.dataElementCode,
        section: e.section,
        position,
      }));
  }

  async function checkRule(repo: ConfigRepo, input: ValidationRuleUpdate) {
    const set = await repo.findDataSet(input.dataSet);
    if (!set) throw fieldError('VALIDATION_FAILED', 'dataSet', 'unknown_reference', `unknown data set ${input.dataSet}`);
    const members = (await repo.membership()).filter((m) => m.dataSetCode === set.code).map((m) => m.dataElementCode);
    const elements = await repo.listElements();
    const issues = checkRuleSides(input, {
      dataSet: set.code,
      setElements: new Set(members),
      valueTypes: new Map(elements.map((e) => [e.code, e.valueType])),
    });
    if (issues.length > 0) throw invalid(issues);
  }

  const ruleRow = (input: ValidationRuleUpdate, now: Date) => ({
    dataSetCode: input.dataSet,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    description: input.description ?? null,
    left: input.left,
    operator: input.operator,
    right: input.right,
    strategy: input.strategy,
    importance: input.importance,
    updatedAt: now,
  });

  return {
    async listElements(actor: Actor): Promise<DataElement[]> {
      reportingConfigPolicy.authorize(actor, 'read');
      const repo = createConfigRepo(deps.db);
      return presentElements(repo, await repo.listElements());
    },

    async createElement(actor: Actor, input: DataElementInput): Promise<DataElement> {
      return write(actor, async (repo, tx) => {
        const row = await repo.insertElement({ ...input, description: input.description ?? null, updatedAt: deps.clock.now() });
        if (!row) throw duplicate('data element', input.code);
        await deps.audit.append(tx, actor, {
          action: 'report.element_create',
          entityType: 'data_element',
          entityId: input.code,
          after: input,
        });
        return (await presentElements(repo, [row]))[0] as DataElement;
      });
    },

    async updateElement(actor: Actor, code: string, input: DataElementUpdate): Promise<DataElement> {
      return write(actor, async (repo, tx) => {
        const before = await repo.findElement(code);
        if (!before) throw notFound('data element');
        if (before.valueType !== input.valueType) {
          const stored = await repo.valueCount(code);
          if (stored > 0)
            throw inUse(
              'valueType',
              'in_use',
              `valueType: ${stored} values of ${code} are stored as ${before.valueType}; the type cannot change while they exist`,
            );
          if (input.valueType === 'text' || input.valueType === 'boolean') {
            const users = (await repo.listRules()).filter((r) => ruleElements(r).includes(code)).map((r) => r.code);
            if (users.length > 0)
              throw inUse('valueType', 'in_use', `valueType: validation rules ${users.join(', ')} compare ${code} as a number`);
          }
        }
        await repo.updateElement(code, { ...input, description: input.description ?? null, updatedAt: deps.clock.now() });
        const after = (await repo.findElement(code)) as ElementRow;
        await deps.audit.append(tx, actor, { action: 'report.element_update', entityType: 'data_element', entityId: code, before, after });
        return (await presentElements(repo, [after]))[0] as DataElement;
      });
    },

    async deleteElement(actor: Actor, code: string): Promise<void> {
      await write(actor, async (repo, tx) => {
        const before = await repo.findElement(code);
        if (!before) throw notFound('data element');
        const stored = await repo.valueCount(code);
        if (stored > 0)
          throw inUse(
            'code',
            'has_values',
            `${code} has ${stored} stored values and cannot be deleted; rename it or stop collecting it instead`,
          );
        const sets = [...new Set((await repo.membership()).filter((m) => m.dataElementCode === code).map((m) => m.dataSetCode))];
        if (sets.length > 0) throw inUse('code', 'in_data_set', `${code} is in data sets ${sets.join(', ')}; remove it from them first`);
        const indicators = (await repo.indicatorSources())
          .filter(
            (i) =>
              i.counter?.split(':').at(-1) === code || (i.formula !== null && ruleElements({ left: i.formula, right: '0' }).includes(code)),
          )
          .map((i) => i.code);
        if (indicators.length > 0) throw inUse('code', 'in_indicator', `${code} is read by indicators ${indicators.join(', ')}`);
        await repo.deleteElement(code);
        await deps.audit.append(tx, actor, { action: 'report.element_delete', entityType: 'data_element', entityId: code, before });
      });
    },

    async listDataSets(actor: Actor): Promise<DataSetConfig[]> {
      reportingConfigPolicy.authorize(actor, 'read');
      const repo = createConfigRepo(deps.db);
      return presentSets(repo, await repo.listDataSets());
    },

    async createDataSet(actor: Actor, input: DataSetInput): Promise<DataSetConfig> {
      return write(actor, async (repo, tx) => {
        const members = await setElements(repo, input.code, input.sections);
        const { sections: _, ...fields } = input;
        const row = await repo.insertDataSet({ ...fields, inputWindow: input.inputWindow ?? null, updatedAt: deps.clock.now() });
        if (!row) throw duplicate('data set', input.code);
        await repo.replaceSetElements(input.code, members);
        await deps.audit.append(tx, actor, {
          action: 'report.data_set_create',
          entityType: 'data_set',
          entityId: input.code,
          after: input,
        });
        return (await presentSets(repo, [row]))[0] as DataSetConfig;
      });
    },

    async updateDataSet(actor: Actor, code: string, input: DataSetUpdate): Promise<DataSetConfig> {
      return write(actor, async (repo, tx) => {
        const before = await repo.findDataSet(code);
        if (!before) throw notFound('data set');
        const [beforeView] = await presentSets(repo, [before]);
        const members = await setElements(repo, code, input.sections);
        if (before.periodType !== input.periodType && (beforeView?.formCount ?? 0) > 0)
          throw inUse(
            'periodType',
            'in_use',
            `periodType: ${code} has ${beforeView?.formCount} forms of ${before.periodType} periods; the period type cannot change while they exist`,
          );
        const kept = new Set(members.map((m) => m.dataElementCode));
        const broken = (await repo.listRules(code))
          .map((r) => ({ rule: r.code, missing: ruleElements(r).filter((e) => !kept.has(e)) }))
          .filter((r) => r.missing.length > 0);
        if (broken.length > 0)
          throw inUse(
            'sections',
            'used_by_rule',
            `sections: ${broken.map((b) => `validation rule ${b.rule} uses ${b.missing.join(', ')}`).join('; ')}; change or delete the rule first`,
          );
        const { sections: _, ...fields } = input;
        await repo.updateDataSet(code, { ...fields, inputWindow: input.inputWindow ?? null, updatedAt: deps.clock.now() });
        await repo.replaceSetElements(code, members);
        const [after] = await presentSets(repo, [(await repo.findDataSet(code)) as SetRow]);
        await deps.audit.append(tx, actor, {
          action: 'report.data_set_update',
          entityType: 'data_set',
          entityId: code,
          before: beforeView,
          after,
        });
        return after as DataSetConfig;
      });
    },

    async deleteDataSet(actor: Actor, code: string): Promise<void> {
      await write(actor, async (repo, tx) => {
        const before = await repo.findDataSet(code);
        if (!before) throw notFound('data set');
        const [view] = await presentSets(repo, [before]);
        if ((view?.formCount ?? 0) > 0)
          throw inUse(
            'code',
            'has_forms',
            `${code} has ${view?.formCount} forms with values, workflow states or lock exceptions; it cannot be deleted`,
          );
        if ((view?.ruleCount ?? 0) > 0)
          throw inUse('code', 'has_rules', `${code} has ${view?.ruleCount} validation rules; delete them first`);
        await repo.deleteDataSet(code);
        await deps.audit.append(tx, actor, { action: 'report.data_set_delete', entityType: 'data_set', entityId: code, before: view });
      });
    },

    async listRules(actor: Actor, dataSet?: string): Promise<ValidationRuleConfig[]> {
      reportingConfigPolicy.authorize(actor, 'read');
      return (await createConfigRepo(deps.db).listRules(dataSet)).map(presentRule);
    },

    async createRule(actor: Actor, input: ValidationRuleInput): Promise<ValidationRuleConfig> {
      return write(actor, async (repo, tx) => {
        await checkRule(repo, input);
        const row = await repo.insertRule({ code: input.code, ...ruleRow(input, deps.clock.now()) });
        if (!row) throw duplicate('validation rule', input.code);
        await deps.audit.append(tx, actor, {
          action: 'report.rule_create',
          entityType: 'validation_rule',
          entityId: input.code,
          after: input,
        });
        return presentRule(row);
      });
    },

    async updateRule(actor: Actor, code: string, input: ValidationRuleUpdate): Promise<ValidationRuleConfig> {
      return write(actor, async (repo, tx) => {
        const before = await repo.findRule(code);
        if (!before) throw notFound('validation rule');
        await checkRule(repo, input);
        await repo.updateRule(code, ruleRow(input, deps.clock.now()));
        const after = presentRule((await repo.findRule(code)) as RuleRow);
        await deps.audit.append(tx, actor, {
          action: 'report.rule_update',
          entityType: 'validation_rule',
          entityId: code,
          before: presentRule(before),
          after,
        });
        return after;
      });
    },

    async deleteRule(actor: Actor, code: string): Promise<void> {
      await write(actor, async (repo, tx) => {
        const before = await repo.findRule(code);
        if (!before) throw notFound('validation rule');
        await repo.deleteRule(code);
        await deps.audit.append(tx, actor, {
          action: 'report.rule_delete',
          entityType: 'validation_rule',
          entityId: code,
          before: presentRule(before),
        });
      });
    },
  };
}

export type ConfigService = ReturnType<typeof createConfigService>;
