import type { SlaMeasurementSet, SlaResult } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { slaPolicy } from './sla.policy.js';
import type { MeasurementSetRow, NetworkRef, ResultRow } from './sla.repo.js';

type SetListRow = Omit<MeasurementSetRow, 'samples' | 'uploadedBy'> & { uploadedByName: string | null };

export function presentSet(row: SetListRow): SlaMeasurementSet {
  return {
    id: row.id,
    networkId: row.networkId,
    format: row.format,
    fileName: row.fileName,
    sha256: row.sha256,
    measuredFrom: row.measuredFrom.toISOString(),
    measuredTo: row.measuredTo.toISOString(),
    counts: row.counts,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedByName: row.uploadedByName ?? '',
  };
}

/** A stored result as the API shows it, with what the caller may do to it. */
export function presentResult(
  actor: Actor,
  network: NetworkRef,
  row: { result: ResultRow; networkName: string; computedByName: string | null; signedByName: string | null },
): SlaResult {
  const r = row.result;
  const allowed: SlaResult['allowed'] = [];
  if (r.state !== 'accepted' && slaPolicy.can(actor, 'test', network)) allowed.push('compute');
  if (r.state === 'awaiting_sign_off' && slaPolicy.can(actor, 'sign_off', network)) allowed.push('sign_off');
  return {
    id: r.id,
    networkId: r.networkId,
    networkName: row.networkName,
    period: r.period,
    profile: { id: r.profile.id, code: r.profile.code, nameZh: r.profile.nameZh, nameEn: r.profile.nameEn },
    verdict: r.verdict,
    items: r.items,
    stats: r.stats,
    sources: r.sources,
    computedAt: r.computedAt.toISOString(),
    computedByName: row.computedByName ?? '',
    state: r.state,
    signOff:
      r.decision && r.signedAt
        ? { decision: r.decision, opinion: r.opinion ?? '', signedAt: r.signedAt.toISOString(), signedByName: row.signedByName ?? '' }
        : null,
    allowed,
    version: r.version,
  };
}
