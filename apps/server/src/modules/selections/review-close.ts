import { aggregateExplained, rankByScore, type ScoreBasis, scoreLocked } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { refused } from './refusals.js';
import { createSelectionRepo, type RoundRow } from './selection.repo.js';

/** The override recorded on a round closed with assigned scores missing. */
export type CloseOverride = { reason: string; missing: number; by: string; at: string };

/**
 * Closes the expert review (issue #12 item 6): every assigned score must be in (submitted and not
 * reopened), unless the organiser overrides with a reason — then the review closes on the scores
 * that are in, and the override is returned for the round to record. Each recommended
 * application's final score is computed from its locked scores, with the basis it used (how many
 * counted, how many were missing, which totals were kept and trimmed), then ranked.
 */
export async function closeExpertReview(
  tx: DbOrTx,
  actor: Actor,
  round: RoundRow,
  overrideReason: string | undefined,
  now: Date,
): Promise<CloseOverride | null> {
  const r = createSelectionRepo(tx);
  const apps = (await r.findApplications(round.id, { all: true })).filter((a) => a.status === 'recommended');
  const assignments = (await r.findRoundAssignments(round.id)).filter((x) => apps.some((a) => a.id === x.applicationId));
  const missing = assignments.filter((x) => !scoreLocked(x));
  if (missing.length > 0 && !overrideReason)
    throw refused(
      'scores_missing',
      `${missing.length} assigned score(s) on ${new Set(missing.map((m) => m.applicationId)).size} application(s) are missing; close with an override reason to proceed without them`,
      { missing: missing.length, applications: new Set(missing.map((m) => m.applicationId)).size },
    );
  const scored = apps.map((a) => {
    const mine = assignments.filter((x) => x.applicationId === a.id);
    const totals = mine.filter((x) => scoreLocked(x)).map((x) => x.total ?? 0);
    const result = aggregateExplained(totals, round.aggregation);
    const basis: ScoreBasis = {
      method: round.aggregation,
      assigned: mine.length,
      counted: totals.length,
      missing: mine.length - totals.length,
      kept: result.kept,
      trimmed: result.trimmed,
    };
    return { id: a.id, score: result.score, basis };
  });
  const ranks = rankByScore(scored);
  for (const s of scored)
    await r.updateApplication(s.id, { finalScore: s.score, scoreBasis: s.basis, rank: ranks.get(s.id) ?? null, updatedAt: now });
  if (missing.length === 0) return null;
  return { reason: overrideReason ?? '', missing: missing.length, by: actor.displayName ?? actor.name, at: now.toISOString() };
}
