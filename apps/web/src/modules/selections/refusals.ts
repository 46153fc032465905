import {
  CONFLICT_REASONS,
  type ConflictReason,
  type FieldIssue,
  type Round,
  SELECTION_REFUSALS,
  type SelectionRefusal,
} from '@suilian/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http';
import { formatDateTime } from '../../shared/format';
import { criterionName } from './display';

type Params = Record<string, unknown>;

const isRefusal = (rule: unknown): rule is SelectionRefusal => SELECTION_REFUSALS.includes(rule as SelectionRefusal);

/** The values a refusal sentence needs, in the console's language (stages, statuses, criteria, dates). */
function localParams(t: TFunction, params: Params, round: Pick<Round, 'rubric' | 'subjectType'> | undefined, locale: string) {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  if (typeof params.deadline === 'string') out.deadline = formatDateTime(params.deadline);
  if (typeof params.status === 'string') out.status = t(`applicationStatuses.${params.status}`, { defaultValue: params.status });
  if (typeof params.stage === 'string') out.stage = t(`roundStages.${params.stage}`, { defaultValue: params.stage });
  if (typeof params.action === 'string') out.action = t(`roundActions.${params.action}`, { defaultValue: params.action });
  if (typeof params.reason === 'string')
    out.conflict = t(`selectionRules.review.conflicts.${params.reason}`, { defaultValue: params.reason });
  out.subject = round ? t(`selectionSubjects.${round.subjectType}`) : '';
  const key = typeof params.field === 'string' ? /^scores\.(.+)$/.exec(params.field)?.[1] : undefined;
  if (key !== undefined) {
    const criterion = round?.rubric.find((c) => c.key === key);
    out.criterion = criterion ? criterionName(criterion, locale) : key;
    if (criterion) out.max = criterion.maxScore;
  }
  return out;
}

export interface LocalisedRefusal {
  /** The broken rule in words, when the server named a rule the console knows. */
  title: string | null;
  /** One sentence per field issue with a known selection rule. */
  lines: string[];
  /** Field issues the console has no selection rule for (shown the usual way). */
  others: FieldIssue[];
}

/**
 * A selection refusal in the console's language: the server sends a stable rule code as
 * `details.rule` (CONFLICT) or as each issue's `rule` (VALIDATION_FAILED), with the values to
 * fill in; its English message is kept only for codes this console does not know.
 */
export function localiseRefusal(
  t: TFunction,
  error: unknown,
  round?: Pick<Round, 'rubric' | 'subjectType'>,
  locale = 'zh-CN',
): LocalisedRefusal {
  if (!(error instanceof ApiError)) return { title: null, lines: [], others: [] };
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Params;
  const title = isRefusal(details.rule) ? t(`selectionRules.refused.${details.rule}`, localParams(t, details, round, locale)) : null;
  const raw = Array.isArray(details.issues) ? (details.issues as Params[]) : [];
  const lines: string[] = [];
  const others: FieldIssue[] = [];
  for (const issue of raw) {
    if (isRefusal(issue.rule)) lines.push(t(`selectionRules.refused.${issue.rule}`, localParams(t, issue, round, locale)));
    else if (typeof issue.field === 'string' && typeof issue.rule === 'string')
      others.push({ field: issue.field, rule: issue.rule, message: String(issue.message ?? '') });
  }
  return { title, lines, others };
}

export interface ConflictRefusal {
  /** The expert the server named (its `expertId`, else the one at `expertIds.N`), when known. */
  expertId: string | null;
  /** The name in the server's message (`name: reason`). */
  name: string;
  reason: ConflictReason | null;
  /** The server's sentence, for reasons the console does not know. */
  message: string;
}

const isConflictReason = (value: unknown): value is ConflictReason => CONFLICT_REASONS.includes(value as ConflictReason);

/**
 * The experts an assignment refusal names for a conflict of interest. The server sends one issue
 * per refused expert: `{field: 'expertIds.N', rule: 'conflict_of_interest', message: '<name>: <why>',
 * expertId, reason}` with `reason` one of CONFLICT_REASONS.
 */
export function conflictRefusals(error: unknown, expertIds: readonly string[]): ConflictRefusal[] {
  if (!(error instanceof ApiError)) return [];
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Params;
  const issues = Array.isArray(details.issues) ? (details.issues as Params[]) : [];
  return issues
    .filter((i) => i.rule === 'conflict_of_interest')
    .map((i): ConflictRefusal => {
      const message = String(i.message ?? '');
      const index = typeof i.field === 'string' ? /expertIds\.(\d+)$/.exec(i.field)?.[1] : undefined;
      const named = typeof i.expertId === 'string' ? i.expertId : null;
      const cut = message.lastIndexOf(': ');
      return {
        expertId: named ?? (index === undefined ? null : (expertIds[Number(index)] ?? null)),
        name: cut >= 0 ? message.slice(0, cut) : '',
        reason: isConflictReason(i.reason) ? i.reason : null,
        message,
      };
    });
}
