import type { AuditFinding, AuditVerification } from '@suilian/contracts';
import type { TFunction } from 'i18next';
import type { zhCN } from '../../i18n/parts/auditVerification';
import { formatDateTime } from '../../shared/format';

/** The code's short label and the finding in the console's words (zh-CN / en-US), from its code and seqs. */
export function describeFinding(t: TFunction, finding: AuditFinding): { label: string; text: string } {
  const range =
    finding.lastSeq === null
      ? t('auditVerification.entry', { seq: finding.seq })
      : t('auditVerification.entries', { seq: finding.seq, lastSeq: finding.lastSeq });
  const params = {
    range,
    seq: finding.seq,
    lastSeq: finding.lastSeq ?? finding.seq,
    at: formatDateTime(finding.anchorAt),
    keyId: finding.keyId ?? '—',
  };
  return { label: t(`auditVerification.codes.${finding.code}`), text: t(messageKey(finding), params) };
}

type FindingMessage = keyof typeof zhCN.findings;

function messageKey(finding: AuditFinding): `auditVerification.findings.${FindingMessage}` {
  switch (finding.code) {
    case 'truncated':
      return finding.anchorAt ? 'auditVerification.findings.truncatedByAnchor' : 'auditVerification.findings.truncatedByKey';
    case 'rechained':
      return finding.anchorAt ? 'auditVerification.findings.rechainedAnchor' : 'auditVerification.findings.rechained';
    case 'anchor_invalid':
      return finding.anchorAt ? 'auditVerification.findings.anchorInvalid' : 'auditVerification.findings.anchorUnreadable';
    case 'broken_link':
    case 'gap':
    case 'key_mismatch':
      return `auditVerification.findings.${finding.code}`;
  }
}

/** What stands behind the verdict: where the keyed chain starts, the keys, the latest checkpoint outside the database. */
export function describeProtection(t: TFunction, result: AuditVerification): string[] {
  const lines: string[] = [];
  if (result.keys.length > 0) {
    lines.push(result.unkeyedUntil ? t('auditVerification.keyedFrom', { seq: result.unkeyedUntil + 1 }) : t('auditVerification.keyedAll'));
    lines.push(t('auditVerification.keys', { keys: result.keys.map((k) => k.id).join(', ') }));
  }
  const latest = result.anchors.latest;
  lines.push(
    latest
      ? t('auditVerification.anchors', { count: result.anchors.count, at: formatDateTime(latest.at), seq: latest.seq })
      : t('auditVerification.noAnchors'),
  );
  return lines;
}
