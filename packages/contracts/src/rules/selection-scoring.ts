import type { Criterion } from '../selections.js';

/**
 * Selection scoring (遴选评分), written once for the server (which stores the totals and ranks) and
 * the console (which previews an expert's total as they type). Pure: no Node, no React.
 */

type Weighted = Pick<Criterion, 'weight'>;
type Scored = Pick<Criterion, 'key' | 'weight' | 'maxScore'>;

export type ScoreProblem = { criterion: string; rule: 'missing' | 'unknown' | 'range'; message: string };

/** Checks one expert's scores against the rubric: every criterion scored, within 0..maxScore, none unknown. */
export function checkScores(
  rubric: readonly Pick<Criterion, 'key' | 'nameZh' | 'maxScore'>[],
  scores: Record<string, number>,
): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  for (const c of rubric) {
    const value = scores[c.key];
    if (value === undefined) problems.push({ criterion: c.key, rule: 'missing', message: `${c.nameZh} has no score` });
    else if (!Number.isFinite(value) || value < 0 || value > c.maxScore)
      problems.push({ criterion: c.key, rule: 'range', message: `${c.nameZh} takes 0 to ${c.maxScore}` });
  }
  for (const key of Object.keys(scores))
    if (!rubric.some((c) => c.key === key)) problems.push({ criterion: key, rule: 'unknown', message: `${key} is not in the rubric` });
  return problems;
}

/** The sum of a rubric's weights; positive for every rubric the round schema accepts. */
export function totalWeight(rubric: readonly Weighted[]): number {
  return rubric.reduce((sum, c) => sum + c.weight, 0);
}

/**
 * One expert's total on a 0–100 scale: each criterion as a share of its maximum, weighted —
 * Σ weight·score/max ÷ Σ weight × 100, rounded to two decimals. Criteria not (yet) scored count
 * as 0. A rubric without a positive total weight cannot be saved (each weight is positive and a
 * rubric has at least one criterion); should one reach this function anyway, it scores 0 rather
 * than NaN or Infinity, and so does a criterion without a positive maximum.
 */
export function weightedTotal(rubric: readonly Scored[], scores: Readonly<Record<string, number | null | undefined>>): number {
  const weights = totalWeight(rubric);
  if (!(weights > 0)) return 0;
  const raw = rubric.reduce((sum, c) => {
    const value = scores[c.key] ?? 0;
    return c.maxScore > 0 && Number.isFinite(value) ? sum + (c.weight * value) / c.maxScore : sum;
  }, 0);
  return round2((raw / weights) * 100);
}

/** A criterion's share of the rubric's total weight, in per cent with one decimal (0 without a positive total). */
export function weightShare(rubric: readonly Weighted[], weight: number): number {
  const total = totalWeight(rubric);
  return total > 0 ? Math.round((weight / total) * 1000) / 10 : 0;
}

/**
 * The application's final score from its experts' totals. `trimmed_mean` drops one highest and one
 * lowest total when there are at least three (the usual 去掉一个最高分和一个最低分), then averages.
 */
export function aggregate(totals: readonly number[], method: 'trimmed_mean' | 'mean'): number | null {
  return aggregateExplained(totals, method).score;
}

/** The final score with what it used: the totals kept and the totals trimmed (for the score's basis). */
export function aggregateExplained(
  totals: readonly number[],
  method: 'trimmed_mean' | 'mean',
): { score: number | null; kept: number[]; trimmed: number[] } {
  if (totals.length === 0) return { score: null, kept: [], trimmed: [] };
  const sorted = [...totals].sort((a, b) => a - b);
  const trim = method === 'trimmed_mean' && sorted.length >= 3;
  const kept = trim ? sorted.slice(1, -1) : sorted;
  const trimmed = trim ? [sorted[0] as number, sorted[sorted.length - 1] as number] : [];
  return { score: round2(kept.reduce((s, x) => s + x, 0) / kept.length), kept, trimmed };
}

/**
 * Whether an expert's score sheet is locked: submitted and not reopened by the organiser. A locked
 * score is final for the expert; a reopened one may be submitted once more.
 */
export function scoreLocked(sheet: { submittedAt: unknown; reopenedAt: unknown }): boolean {
  return sheet.submittedAt !== null && sheet.submittedAt !== undefined && !sheet.reopenedAt;
}

/** Standard competition ranking (1, 2, 2, 4) by score, highest first; unscored applications get no rank. */
export function rankByScore<T extends { id: string; score: number | null }>(items: readonly T[]): Map<string, number> {
  const scored = items
    .filter((i): i is T & { score: number } => i.score !== null)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const ranks = new Map<string, number>();
  scored.forEach((item, index) => {
    const previous = scored[index - 1];
    ranks.set(item.id, previous && previous.score === item.score ? (ranks.get(previous.id) ?? index + 1) : index + 1);
  });
  return ranks;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
