import type { AffectedEntry, EntryMatch, MatchReason, RangeCheck } from './types.js';

/**
 * The matcher's reasons: each an English sentence (logs, API clients) and the same as a code with
 * parameters (`matching.*`) that the console words in Chinese and English (matchReasons.ts).
 */

export function modelReason(model: string, listed: string, how: 'exact' | 'pattern' | 'name'): MatchReason {
  if (how === 'name')
    return {
      kind: 'model',
      score: 1,
      text: `model "${model}" is the product "${listed}" the advisory names`,
      reason: { code: 'matching.model_product_name', params: { model, listed } },
    };
  if (how === 'pattern')
    return {
      kind: 'model',
      score: 1,
      text: `model "${model}" matches pattern "${listed}"`,
      reason: { code: 'matching.model_pattern', params: { model, pattern: listed } },
    };
  return {
    kind: 'model',
    score: 1,
    text: `model "${model}" = "${listed}"`,
    reason: { code: 'matching.model_exact', params: { model, listed } },
  };
}

export function versionReason(version: string, entry: AffectedEntry, check: RangeCheck): MatchReason {
  return {
    kind: 'version',
    text: check.reason,
    reason: { code: 'matching.version', params: { version, advisory: entry.advisoryId, result: check.result } },
  };
}

export function statusReason(entry: AffectedEntry): MatchReason {
  return {
    kind: 'status',
    text: `${entry.status} in ${entry.advisoryId} (product ${entry.productId}${entry.platform ? `, ${entry.platform}` : ''})`,
    reason: { code: 'matching.status', params: { advisory: entry.advisoryId, product: entry.productId, status: entry.status } },
  };
}

/** The asset is on the release line the advisory's product name names (`SIMATIC WinCC V7.5`). */
export function lineReason(version: string, line: string, on: boolean | null): MatchReason {
  if (on === null)
    return {
      kind: 'version',
      text: `the advisory names release line V${line}; the asset's version "${version}" does not tell its line`,
      reason: { code: 'matching.version_line_unknown', params: { version, line: `V${line}` } },
    };
  return {
    kind: 'version',
    text: `version "${version}" is on the release line V${line} the product name names`,
    reason: { code: 'matching.version_line', params: { version, line: `V${line}` } },
  };
}

export function unlistedReasons(version: string, entry: AffectedEntry, list: string): MatchReason[] {
  return [
    {
      kind: 'version',
      text: `version "${version}" is not among the versions ${entry.advisoryId} names (affected: ${list})`,
      reason: { code: 'matching.version_unlisted', params: { version, advisory: entry.advisoryId, list } },
    },
    {
      kind: 'status',
      text: `${entry.status} in ${entry.advisoryId} for other versions of this product`,
      reason: { code: 'matching.status_other_versions', params: { status: entry.status, advisory: entry.advisoryId } },
    },
  ];
}

/** Not affected: the advisory lists other versions and says which version fixes it; the asset has it. */
export function fixedReason(version: string, entry: AffectedEntry, fixed: string, list: string): MatchReason[] {
  return [
    {
      kind: 'version',
      text: `version "${version}" is not among the versions ${entry.advisoryId} names (affected: ${list}) and is at or after the fix ${fixed}`,
      reason: { code: 'matching.version_fixed', params: { version, advisory: entry.advisoryId, list, fixed } },
    },
  ];
}

/** Not affected: the product was recognised and its version lies outside every affected range. */
export function outsideReasons(version: string, entry: AffectedEntry, check: RangeCheck): MatchReason[] {
  return [
    {
      kind: 'version',
      text: check.reason,
      reason: { code: 'matching.version_outside', params: { version, advisory: entry.advisoryId, versions: entry.versionRaw } },
    },
    statusReason(entry),
  ];
}

export function conflictReason(affected: EntryMatch, notAffected: EntryMatch): MatchReason {
  return {
    kind: 'conflict',
    text: `${affected.entry.advisoryId} says ${affected.entry.status} for product ${affected.entry.productId} but ${notAffected.entry.advisoryId} says ${notAffected.entry.status} for product ${notAffected.entry.productId}`,
    reason: {
      code: 'matching.conflict',
      params: {
        affected: affected.entry.advisoryId,
        affectedStatus: affected.entry.status,
        notAffected: notAffected.entry.advisoryId,
        notAffectedStatus: notAffected.entry.status,
      },
    },
  };
}
