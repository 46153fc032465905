import {
  type CreateRound,
  nextStage,
  ROUND_TRANSITIONS,
  type Round,
  type RoundListQuery,
  type RoundTransition,
  type UpdateRound,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';
import { fieldRefused, refused } from './refusals.js';
import { closeExpertReview } from './review-close.js';
import { roundPolicy } from './round.policy.js';
import { createSelectionRepo, type RoundRow } from './selection.repo.js';
import { notifyRoundStage } from './stage-notices.js';

export interface RoundServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/** Selection rounds: the call, its stages, and what closing and publicity compute. */
export function createRoundService(deps: RoundServiceDeps) {
  const repo = createSelectionRepo(deps.db);

  async function getRound(actor: Actor, id: string, db: DbOrTx = deps.db): Promise<RoundRow> {
    roundPolicy.authorize(actor, 'read');
    const row = await createSelectionRepo(db).findRound(id);
    // A draft is the organisers' own until the call opens.
    if (!row || (row.stage === 'draft' && !roundPolicy.allows(actor, 'manage'))) throw notFound('selection round');
    return row;
  }

  async function present(rows: RoundRow[], db: DbOrTx = deps.db): Promise<Round[]> {
    const counts = await createSelectionRepo(db).countApplications(rows.map((r) => r.id));
    return rows.map((r) => toRound(r, counts.get(r.id) ?? 0));
  }

  /** Publicity lists the best-ranked recommended applications up to the quota. */
  async function markSelected(tx: DbOrTx, round: RoundRow) {
    const r = createSelectionRepo(tx);
    for (const a of await r.findApplications(round.id, { all: true })) {
      const selected = a.status === 'recommended' && a.rank !== null && a.rank <= round.quota;
      await r.updateApplication(a.id, { selected, updatedAt: deps.clock.now() });
    }
  }

  return {
    getRound,

    async list(actor: Actor, query: RoundListQuery) {
      roundPolicy.authorize(actor, 'read');
      const page = await repo.findRounds(query, roundPolicy.allows(actor, 'manage'));
      return { items: await present(page.items), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<Round> {
      const [round] = await present([await getRound(actor, id)]);
      if (!round) throw notFound('selection round');
      return round;
    },

    async create(actor: Actor, input: CreateRound): Promise<Round> {
      roundPolicy.authorize(actor, 'manage');
      const now = deps.clock.now();
      return deps.db.transaction(async (tx) => {
        const row = await createSelectionRepo(tx).insertRound({
          ...input,
          description: input.description ?? null,
          deadline: new Date(input.deadline),
          createdAt: now,
          updatedAt: now,
        });
        const [result] = await present([row], tx);
        await deps.audit.append(tx, actor, {
          action: 'selection.round_create',
          entityType: 'selection_round',
          entityId: row.id,
          after: result,
        });
        return result as Round;
      });
    },

    async update(actor: Actor, id: string, input: UpdateRound): Promise<Round> {
      roundPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const current = await getRound(actor, id, tx);
        // Once applications come in, the rules they applied under stay fixed.
        const reviewRules = [input.rubric, input.aggregation, input.conflictRules, input.subjectType, input.kind, input.blind];
        if (current.stage !== 'draft' && reviewRules.some((v) => v !== undefined))
          throw refused('rubric_fixed', 'the rubric, kind and review rules are fixed once the round is open');
        const { version, deadline, ...rest } = input;
        const updated = await createSelectionRepo(tx).updateRound(id, version, {
          ...rest,
          ...(deadline ? { deadline: new Date(deadline) } : {}),
          updatedAt: deps.clock.now(),
        });
        if (!updated) throw staleVersion('selection round');
        const [before, after] = await present([current, updated], tx);
        await deps.audit.append(tx, actor, {
          action: 'selection.round_update',
          entityType: 'selection_round',
          entityId: id,
          before,
          after,
        });
        return after as Round;
      });
    },

    async transition(actor: Actor, id: string, input: RoundTransition): Promise<Round> {
      roundPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const round = await getRound(actor, id, tx);
        const to = nextStage(round.stage, input.action);
        if (to === null) {
          const needs = ROUND_TRANSITIONS[input.action].from;
          throw refused('stage_order', `a round in ${round.stage} cannot ${input.action.replace('_', ' ')} (needs ${needs})`, {
            stage: round.stage,
            action: input.action,
          });
        }
        const today = deps.clock.now().toISOString().slice(0, 10);
        const patch: Partial<RoundRow> = { stage: to, updatedAt: deps.clock.now() };
        if (input.action === 'close_review') {
          const override = await closeExpertReview(tx, actor, round, input.overrideReason, deps.clock.now());
          if (override) patch.closeOverride = override;
        }
        if (input.action === 'start_publicity') {
          if (!input.publicityEnd || input.publicityEnd <= today)
            throw fieldRefused('publicityEnd', 'future', 'the publicity period (公示) needs an end date after today');
          patch.publicityEnd = input.publicityEnd;
          await markSelected(tx, round);
        }
        if (input.action === 'publish') {
          if (round.publicityEnd && round.publicityEnd >= today)
            throw refused('publicity_running', `the publicity period runs until ${round.publicityEnd}`, {
              publicityEnd: round.publicityEnd,
            });
          const apps = await createSelectionRepo(tx).findApplications(round.id, { all: true });
          const open = (await createSelectionRepo(tx).findObjections(apps.map((a) => a.id))).filter((o) => o.status === 'open');
          if (open.length > 0) throw refused('objections_open', `${open.length} objection(s) are still open`, { open: open.length });
          patch.publishedAt = deps.clock.now();
        }
        const updated = await createSelectionRepo(tx).updateRound(id, input.version, patch);
        if (!updated) throw staleVersion('selection round');
        await deps.audit.append(tx, actor, {
          action: `selection.${input.action}`,
          entityType: 'selection_round',
          entityId: id,
          before: { stage: round.stage },
          after: { stage: updated.stage, ...(patch.closeOverride ? { closeOverride: patch.closeOverride } : {}) },
        });
        // Those the new stage concerns hear of it in the same transaction (issue #12 item 2).
        await notifyRoundStage(tx, deps.notifications, updated, input.action, actor.userId);
        const [result] = await present([updated], tx);
        return result as Round;
      });
    },
  };
}

export type RoundService = ReturnType<typeof createRoundService>;

function toRound(r: RoundRow, applicationCount: number): Round {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    kind: r.kind,
    subjectType: r.subjectType,
    year: r.year,
    rubric: r.rubric,
    deadline: r.deadline.toISOString(),
    quota: r.quota,
    expertsPerApplication: r.expertsPerApplication,
    aggregation: r.aggregation,
    conflictRules: r.conflictRules,
    blind: r.blind,
    stage: r.stage,
    closeOverride: r.closeOverride ?? null,
    publicityEnd: r.publicityEnd,
    applicationCount,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}
