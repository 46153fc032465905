import type { AuditFinding, AuditFindingCode } from '@suilian/contracts';
import { checkpointSignatureValid, type StoredCheckpoint, type UnreadableAnchor } from './anchors.js';
import { type ChainedFields, GENESIS_HASH, hashEntry, sameDigest } from './chain.js';
import type { Keyring } from './keyring.js';

export type ChainedRow = ChainedFields & { hash: string };

/** At most this many findings are reported (runs of entries are collapsed before counting). */
export const MAX_FINDINGS = 100;

/** A finding being collected: runs of the same `kind` on consecutive entries merge into one. */
interface Draft {
  code: AuditFindingCode;
  kind: string;
  seq: number;
  lastSeq: number;
  anchorAt: string | null;
  keyId: string | null;
  describe(range: string): string;
}

const MERGEABLE = new Set(['downgrade', 'hmac', 'unknown_key', 'retired_key']);

/** How one entry fares on its own (before its successor is seen). */
type RowStatus = { ok: true } | { ok: false; draft: Draft } | { ok: false; suspect: true };

/**
 * Checks the audit log entry by entry against the key file and the checkpoints (ADR 0013). Feed the
 * entries in seq order with `push`, then `finish`. An entry whose keyed hash does not verify is held
 * until its successor is seen: if the successor verifies and links to the stored hash, that hash is
 * authentic and the entry was edited in place (`broken_link`); otherwise the hashes from there on
 * were recomputed (`rechained`).
 */
export function createChainChecker(input: { keyring: Keyring; checkpoints: StoredCheckpoint[]; unreadable: UnreadableAnchor[] }) {
  const { keyring } = input;
  const chain: Draft[] = [];
  const anchorFindings: Draft[] = [];
  const valid = validCheckpoints(input, anchorFindings);
  const bySeq = new Map<number, StoredCheckpoint[]>();
  for (const cp of valid) bySeq.set(cp.seq, [...(bySeq.get(cp.seq) ?? []), cp]);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let head: ChainedRow | null = null;
  let suspect: ChainedRow | null = null;

  const add = (draft: Draft) => {
    const last = chain.at(-1);
    if (last && MERGEABLE.has(draft.kind) && last.kind === draft.kind && last.keyId === draft.keyId && last.lastSeq + 1 === draft.seq) {
      last.lastSeq = draft.lastSeq;
    } else chain.push(draft);
  };

  function rowStatus(row: ChainedRow): RowStatus {
    const expected = keyring.keyFor(row.seq);
    if (row.keyId === null) {
      if (expected) return { ok: false, draft: draft('rechained', 'downgrade', row.seq, null, null, downgradeText) };
      if (hashEntry(row) === row.hash) return { ok: true };
      return {
        ok: false,
        draft: draft('broken_link', 'altered', row.seq, null, null, (r) => `${r}: content does not match its hash (altered)`),
      };
    }
    const key = keyring.byId(row.keyId);
    if (!key) return { ok: false, draft: draft('key_mismatch', 'unknown_key', row.seq, null, row.keyId, unknownKeyText(row.keyId)) };
    if (expected?.id !== key.id)
      return { ok: false, draft: draft('key_mismatch', 'retired_key', row.seq, null, row.keyId, wrongKeyText(row.keyId, expected?.id)) };
    return sameDigest(hashEntry(row, key), row.hash) ? { ok: true } : { ok: false, suspect: true };
  }

  return {
    push(row: ChainedRow): void {
      checked += 1;
      const linkFindings: Draft[] = [];
      if (row.seq > expectedSeq) {
        linkFindings.push(draft('gap', 'gap', expectedSeq, row.seq - 1, null, (r) => `${r} missing (the sequence jumps to ${row.seq})`));
      } else if (row.prevHash !== prevHash) {
        linkFindings.push(
          draft(
            'broken_link',
            'unlinked',
            row.seq,
            null,
            null,
            (r) => `${r}: does not link to the entry before it (previous-hash differs)`,
          ),
        );
      }
      const status = rowStatus(row);
      if (suspect) {
        const vouched = status.ok && row.seq === suspect.seq + 1 && row.prevHash === suspect.hash;
        add(vouched ? alteredInPlace(suspect.seq) : recomputed(suspect));
        suspect = null;
      }
      for (const f of linkFindings) add(f);
      if (!status.ok) {
        if ('draft' in status) add(status.draft);
        else suspect = row;
      }
      for (const cp of bySeq.get(row.seq) ?? []) {
        if (!sameDigest(cp.hash, row.hash)) anchorFindings.push(anchorMismatch(cp, row));
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      head = row;
    },

    finish() {
      if (suspect) add(recomputed(suspect));
      const headSeq = head?.seq ?? 0;
      const truncation = truncationFinding(headSeq, valid, keyring);
      if (truncation) chain.push(truncation);
      const all = [...anchorFindings, ...chain].sort((a, b) => a.seq - b.seq).slice(0, MAX_FINDINGS);
      const latest = valid.reduce<StoredCheckpoint | null>((best, cp) => (!best || cp.seq >= best.seq ? cp : best), null);
      const firstKey = keyring.entries[0];
      return {
        findings: all.map(toFinding),
        checked,
        head: head ? { seq: head.seq, hash: head.hash } : null,
        unkeyedUntil: (firstKey ? firstKey.afterSeq : headSeq) || null,
        anchors: { count: valid.length, latest: latest ? { seq: latest.seq, at: latest.at } : null },
      };
    },
  };
}

/** Checkpoints whose signature verifies; the others become `anchor_invalid` findings. */
function validCheckpoints(input: { keyring: Keyring; checkpoints: StoredCheckpoint[]; unreadable: UnreadableAnchor[] }, out: Draft[]) {
  for (const u of input.unreadable)
    out.push(draft('anchor_invalid', 'unreadable', 0, null, null, () => `anchor line ${u.source} is ${u.problem}`));
  return input.checkpoints.filter((cp) => {
    const key = input.keyring.byId(cp.keyId);
    if (key && checkpointSignatureValid(cp, input.keyring)) return true;
    const why = key ? 'its signature does not verify' : `it is signed with key ${cp.keyId}, which the key file does not hold`;
    out.push({
      ...draft('anchor_invalid', 'signature', cp.seq, null, cp.keyId, () => `checkpoint ${cp.source} (entry ${cp.seq}): ${why}`),
      anchorAt: cp.at,
    });
    return false;
  });
}

function truncationFinding(headSeq: number, checkpoints: StoredCheckpoint[], keyring: Keyring): Draft | null {
  const furthest = checkpoints.reduce<StoredCheckpoint | null>((best, cp) => (cp.seq > (best?.seq ?? headSeq) ? cp : best), null);
  const key = keyring.entries.reduce<Keyring['entries'][number] | null>(
    (best, k) => (k.afterSeq > (best?.afterSeq ?? headSeq) ? k : best),
    null,
  );
  const ends = headSeq === 0 ? 'the log is empty' : `the log ends at entry ${headSeq}`;
  if (furthest && (!key || furthest.seq >= key.afterSeq)) {
    return {
      ...draft('truncated', 'truncated', headSeq + 1, furthest.seq, furthest.keyId, (r) => {
        return `${r} removed from the end: ${ends}, but the checkpoint of ${furthest.at} (${furthest.source}) recorded entry ${furthest.seq}`;
      }),
      anchorAt: furthest.at,
    };
  }
  if (key) {
    return draft('truncated', 'truncated', headSeq + 1, key.afterSeq, key.id, (r) => {
      return `${r} removed from the end: ${ends}, but audit key ${key.id} was started after entry ${key.afterSeq}`;
    });
  }
  return null;
}

function draft(
  code: AuditFindingCode,
  kind: string,
  seq: number,
  lastSeq: number | null,
  keyId: string | null,
  describe: (range: string) => string,
): Draft {
  return { code, kind, seq, lastSeq: lastSeq ?? seq, anchorAt: null, keyId, describe };
}

const alteredInPlace = (seq: number) =>
  draft(
    'broken_link',
    'altered',
    seq,
    null,
    null,
    (r) => `${r}: content does not match its hash (altered; the next entry vouches for the hash)`,
  );

const recomputed = (row: ChainedRow) =>
  draft('rechained', 'hmac', row.seq, null, null, (r) => `${r}: hash does not verify with the audit key (changed and recomputed)`);

const downgradeText = (r: string) => `${r}: unkeyed hash where the audit key applies (recomputed without the key)`;

const unknownKeyText = (keyId: string) => (r: string) => `${r}: signed with key ${keyId}, which the key file does not hold`;

const wrongKeyText = (keyId: string, expected: string | undefined) => (r: string) =>
  `${r}: signed with key ${keyId}, but ${expected ? `key ${expected}` : 'no key'} covers this seq in the key file`;

function anchorMismatch(cp: StoredCheckpoint, row: ChainedRow): Draft {
  return {
    ...draft('rechained', 'anchor', row.seq, null, cp.keyId, (r) => {
      return `${r}: the checkpoint of ${cp.at} (${cp.source}) recorded hash ${cp.hash.slice(0, 16)}…, the log now has ${row.hash.slice(0, 16)}… (history rewritten)`;
    }),
    anchorAt: cp.at,
  };
}

function toFinding(d: Draft): AuditFinding {
  const range = d.code === 'anchor_invalid' ? '' : d.lastSeq > d.seq ? `entries ${d.seq}–${d.lastSeq}` : `entry ${d.seq}`;
  return {
    code: d.code,
    seq: d.seq,
    lastSeq: d.lastSeq > d.seq ? d.lastSeq : null,
    anchorAt: d.anchorAt,
    keyId: d.keyId,
    message: d.describe(range),
  };
}
