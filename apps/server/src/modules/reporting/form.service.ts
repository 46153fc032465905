import type { EntryState, FieldIssue, Form, FormActionInput, ReasonParams, RuleResult, SaveValues } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { formStepNotices } from './form.notifications.js';
import { formEntryState } from './form-entry.js';
import { onBehalfOf, requireFourEyes } from './form-four-eyes.js';
import { checkValue, moveForm } from './form-workflow.js';
import { shiftPeriod } from './logic/periods/period-dates.js';
import { PeriodError, validatePeriodId } from './logic/periods/period-id.js';
import { type FormAction, formPolicy } from './reporting.policy.js';
import { createReportingRepo, type DataSetRow, type RegistrationRow } from './reporting.repo.js';

export interface FormServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  organisations: Pick<OrganisationService, 'findById'>;
  notifications: Pick<NotificationService, 'notify'>;
  /** Runs the data set's validation rules on a form's values (wired in index.ts). */
  validate: (db: DbOrTx, dataSet: DataSetRow, period: string, orgId: string) => Promise<RuleResult[]>;
  /**
   * Figures records kept elsewhere give for a district and period, by element code (issue #14: the
   * network records' new private networks and edge nodes); the form shows them and does not ask.
   */
  recordedFigures?: (db: DbOrTx, districtId: string, period: string) => Promise<ReadonlyMap<string, number>>;
}

const HISTORY = 12;

/** District report forms: view with history, enter values, complete → approve → accept (issue #4 item 4). */
export function createFormService(deps: FormServiceDeps) {
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  /**
   * The district a request is about: an officer's own; city users name one. 403 without the
   * action's permission, 404 for a district out of reach.
   */
  async function orgUnitFor(
    actor: Actor,
    action: FormAction,
    requested: string | undefined,
    db: DbOrTx,
  ): Promise<{ id: string; name: string }> {
    const reach = formPolicy.reach(actor, action);
    const id = requested ?? ('districtId' in reach ? reach.districtId : undefined);
    if (!id) throw fieldError('VALIDATION_FAILED', 'orgUnit', 'required', 'name the district the form belongs to');
    formPolicy.authorize(actor, action, { districtId: id });
    const org = await deps.organisations.findById(id, db);
    if (!org || org.kind !== 'district') throw fieldError('VALIDATION_FAILED', 'orgUnit', 'district', 'must name a district');
    return { id: org.id, name: org.name };
  }

  async function load(db: DbOrTx, code: string, period: string) {
    const r = createReportingRepo(db);
    const dataSet = await r.findDataSet(code);
    if (!dataSet) throw notFound('data set');
    const check = validatePeriodId(period, dataSet.periodType);
    if (!check.ok) throw fieldError('VALIDATION_FAILED', 'period', 'period_type', check.message);
    return { dataSet, elements: await r.findSetElements(code) };
  }

  async function stateOf(
    db: DbOrTx,
    dataSet: DataSetRow,
    period: string,
    orgId: string,
    registration: RegistrationRow | null,
  ): Promise<EntryState> {
    const exceptions = await createReportingRepo(db).findLockExceptions(dataSet.code, period, orgId);
    return formEntryState(dataSet, period, orgId, registration, exceptions, deps.clock.now());
  }

  async function present(db: DbOrTx, code: string, period: string, org: { id: string; name: string }): Promise<Form> {
    const { dataSet, elements } = await load(db, code, period);
    const r = createReportingRepo(db);
    const periods = Array.from({ length: HISTORY }, (_, i) => shiftPeriod(period, i - HISTORY));
    const values = await r.findValues(
      elements.map((e) => e.code),
      [...periods, period],
      org.id,
    );
    const registration = await r.findRegistration(code, period, org.id);
    const recorded = (await deps.recordedFigures?.(db, org.id, period)) ?? new Map<string, number>();
    const find = (element: string, p: string) => values.find((v) => v.dataElementCode === element && v.period === p);
    return {
      dataSet: code,
      dataSetName: dataSet.nameZh,
      period,
      orgUnit: org.id,
      orgUnitName: org.name,
      state: registration?.state ?? 'open',
      entry: await stateOf(db, dataSet, period, org.id, registration),
      cells: elements.map((e) => ({
        element: e.code,
        nameZh: e.nameZh,
        nameEn: e.nameEn,
        section: e.section,
        valueType: e.valueType,
        aggregation: e.aggregation,
        unit: e.unit,
        value: find(e.code, period)?.value ?? null,
        comment: find(e.code, period)?.comment ?? null,
        history: periods.map((p) => ({ period: p, value: find(e.code, p)?.value ?? null })),
        onBehalf: find(e.code, period)?.onBehalf ?? false,
        recorded: recorded.has(e.code) ? { value: recorded.get(e.code) ?? 0, source: 'networks' as const } : null,
      })),
      completedBy: registration?.completedBy ?? null,
      completedOnBehalf: registration?.completedOnBehalf ?? false,
      approvedBy: registration?.approvedBy ?? null,
      acceptedBy: registration?.acceptedBy ?? null,
      comment: registration?.comment ?? null,
      version: registration?.version ?? 0,
    };
  }

  return {
    async get(actor: Actor, code: string, period: string, orgUnit: string | undefined): Promise<Form> {
      const org = await orgUnitFor(actor, 'read', orgUnit, deps.db);
      return present(deps.db, code, period, org).catch(rethrowPeriod);
    },

    /** Saves values; the whole batch is refused if one value is wrong or the form is locked. */
    async save(actor: Actor, code: string, period: string, input: SaveValues): Promise<Form> {
      formPolicy.authorize(actor, 'enter');
      return deps.db
        .transaction(async (tx) => {
          const org = await orgUnitFor(actor, 'enter', input.orgUnit, tx);
          const { dataSet, elements } = await load(tx, code, period);
          const r = createReportingRepo(tx);
          const registration = await r.findRegistration(code, period, org.id);
          const entry = await stateOf(tx, dataSet, period, org.id, registration);
          if (!entry.open)
            throw refusal('CONFLICT', `reporting.locked_${entry.reason}`, `the form is locked: ${entry.reason}`, lockParams(entry), {
              entry,
            });
          if (registration?.state === 'completed')
            throw refusal('CONFLICT', 'reporting.form_completed', 'the form is completed; uncomplete it to change values', undefined, {
              state: 'completed',
            });
          const behalf = onBehalfOf(actor, 'save', input.onBehalf, org);
          const before = await present(tx, code, period, org);
          const now = deps.clock.now();
          // Every value is checked before anything is written, and every problem is reported at
          // once, naming the element; one bad value refuses the whole save (issue #12 item 4).
          const issues: FieldIssue[] = [];
          const rows = [];
          const cleared: string[] = [];
          const recorded = before.cells.filter((c) => c.recorded).map((c) => c.element);
          for (const [i, v] of input.values.entries()) {
            const element = elements.find((e) => e.code === v.element);
            if (!element) {
              issues.push({ field: `values.${i}.element`, rule: 'in_data_set', message: `${v.element} is not on this form` });
              continue;
            }
            // The records give this figure for this period (issue #14): typing it would count twice.
            if (recorded.includes(element.code) && v.value !== null && v.value.trim() !== '') {
              issues.push({
                field: `values.${i}.value`,
                rule: 'from_records',
                message: `${element.code}: counted from the records, not entered`,
              });
              continue;
            }
            if (v.value === null || v.value.trim() === '') {
              cleared.push(element.code);
              continue;
            }
            const checked = checkValue(element.valueType, v.value);
            if (!checked.ok) {
              issues.push({
                field: `values.${i}.value`,
                rule: checked.rule,
                message: `${element.code} (${element.nameZh}): ${checked.message}`,
              });
              continue;
            }
            rows.push({
              dataElementCode: element.code,
              period,
              orgId: org.id,
              value: checked.value,
              comment: v.comment ?? null,
              storedBy: actor.name,
              onBehalf: behalf !== null,
              onBehalfOf: behalf,
              updatedAt: now,
            });
          }
          if (issues.length > 0)
            throw new AppError('VALIDATION_FAILED', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
          for (const code of cleared) await r.deleteValue(code, period, org.id);
          await r.upsertValues(rows);
          const after = await present(tx, code, period, org);
          await deps.audit.append(tx, actor, {
            action: 'report.values_save',
            entityType: 'data_set',
            entityId: `${code}:${period}:${org.id}`,
            before: before.cells.map((c) => [c.element, c.value]),
            // Entered by the city on the district's behalf (代填): the audit entry says so.
            after: behalf
              ? { values: after.cells.map((c) => [c.element, c.value]), onBehalf: true, onBehalfOf: behalf }
              : after.cells.map((c) => [c.element, c.value]),
          });
          return after;
        })
        .catch(rethrowPeriod);
    },

    /** Moves the form through its workflow; completing runs the validation rules first. */
    async act(actor: Actor, code: string, period: string, input: FormActionInput): Promise<{ form: Form; validation: RuleResult[] }> {
      const needed: FormAction =
        input.action === 'accept' || input.action === 'unaccept' ? 'accept' : input.action.includes('approve') ? 'approve' : 'enter';
      formPolicy.authorize(actor, needed);
      return deps.db
        .transaction(async (tx) => {
          const org = await orgUnitFor(actor, needed, input.orgUnit, tx);
          const { dataSet } = await load(tx, code, period);
          const r = createReportingRepo(tx);
          const registration = await r.findRegistration(code, period, org.id);
          if ((registration?.version ?? 0) !== input.version) throw staleVersion('form');
          const move = moveForm(registration?.state ?? 'open', input.action, actor.role, input.comment);
          if (!move.ok)
            throw refusal(
              move.rule === 'role' ? 'FORBIDDEN' : 'CONFLICT',
              `reporting.form_${move.rule}`,
              move.reason,
              { state: registration?.state ?? 'open', action: input.action },
              { rule: move.rule },
            );
          requireFourEyes(input.action, registration, actor);
          const behalf = onBehalfOf(actor, input.action, input.onBehalf, org);
          let validation: RuleResult[] = [];
          if (input.action === 'complete') {
            validation = await deps.validate(tx, dataSet, period, org.id);
            const failed = validation.filter((v) => v.status === 'failed');
            if (failed.length > 0) throw new AppError('VALIDATION_FAILED', failed.map((f) => f.message).join('; '), { validation });
          }
          const now = deps.clock.now();
          if (move.to === 'open') await r.deleteRegistration(code, period, org.id);
          else {
            await r.saveRegistration({
              dataSetCode: code,
              period,
              orgId: org.id,
              state: move.to,
              completedBy: move.to === 'completed' ? actor.name : (registration?.completedBy ?? null),
              completedAt: move.to === 'completed' ? now : (registration?.completedAt ?? null),
              completedOnBehalf: move.to === 'completed' ? behalf !== null : (registration?.completedOnBehalf ?? false),
              completedOnBehalfOf: move.to === 'completed' ? behalf : (registration?.completedOnBehalfOf ?? null),
              approvedBy: move.to === 'approved' ? actor.name : move.to === 'completed' ? null : (registration?.approvedBy ?? null),
              approvedAt: move.to === 'approved' ? now : move.to === 'completed' ? null : (registration?.approvedAt ?? null),
              acceptedBy: move.to === 'accepted' ? actor.name : null,
              acceptedAt: move.to === 'accepted' ? now : null,
              comment: input.comment ?? null,
              version: (registration?.version ?? 0) + 1,
            });
          }
          await deps.audit.append(tx, actor, {
            action: `report.${input.action}`,
            entityType: 'data_set',
            entityId: `${code}:${period}:${org.id}`,
            before: { state: registration?.state ?? 'open' },
            after: { state: move.to, comment: input.comment ?? null, ...(behalf ? { onBehalf: true, onBehalfOf: behalf } : {}) },
          });
          // The approvers, the city or the district hear of the step in its transaction (issue #12 item 2).
          const notices = formStepNotices({
            dataSet: { code, nameZh: dataSet.nameZh, nameEn: dataSet.nameEn },
            period,
            district: org,
            action: input.action,
            to: move.to,
            comment: input.comment?.trim() || null,
            actor: { name: actor.displayName ?? actor.name, role: actor.role },
            date: deps.clock.now().toISOString().slice(0, 10),
          });
          for (const notice of notices) await deps.notifications.notify(tx, notice.recipients, notice.message, { except: [actor.userId] });
          return { form: await present(tx, code, period, org), validation };
        })
        .catch(rethrowPeriod);
    },

    async grantException(actor: Actor, input: { dataSet: string; period: string; orgUnit: string; reason: string; expiresOn: string }) {
      formPolicy.authorize(actor, 'accept');
      if (input.expiresOn < today()) throw fieldError('VALIDATION_FAILED', 'expiresOn', 'future', 'the exception must not end in the past');
      return deps.db
        .transaction(async (tx) => {
          const org = await orgUnitFor(actor, 'accept', input.orgUnit, tx);
          await load(tx, input.dataSet, input.period);
          const row = await createReportingRepo(tx).insertLockException({
            dataSetCode: input.dataSet,
            period: input.period,
            orgId: org.id,
            reason: input.reason,
            expiresAt: new Date(`${input.expiresOn}T23:59:59Z`),
            createdBy: actor.name,
            createdAt: deps.clock.now(),
          });
          await deps.audit.append(tx, actor, {
            action: 'report.lock_exception',
            entityType: 'data_set',
            entityId: `${input.dataSet}:${input.period}:${org.id}`,
            after: input,
          });
          return { id: row.id, ...input };
        })
        .catch(rethrowPeriod);
    },

    async dataSets() {
      const r = createReportingRepo(deps.db);
      const sets = await r.findDataSets();
      return Promise.all(
        sets.map(async (s) => ({
          code: s.code,
          nameZh: s.nameZh,
          nameEn: s.nameEn,
          periodType: s.periodType,
          openFuturePeriods: s.openFuturePeriods,
          expiryDays: s.expiryDays,
          elements: (await r.findSetElements(s.code)).map((e) => ({ code: e.code, nameZh: e.nameZh, section: e.section })),
        })),
      );
    },
  };
}

export type FormService = ReturnType<typeof createFormService>;

/** The dates a locked form's reason names (when it locked, when it opens), for the console's wording. */
function lockParams(entry: Extract<EntryState, { open: false }>): ReasonParams {
  return { since: entry.since ?? null, until: entry.until ?? null };
}

function rethrowPeriod(error: unknown): never {
  if (error instanceof PeriodError) throw fieldError('VALIDATION_FAILED', 'period', 'period', error.message);
  throw error;
}
