import type { FindingDetail } from '@suilian/contracts';
import { Descriptions, Flex, Steps, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../shared/format';
import { DetailDrawer } from '../../shared/frame/DetailDrawer';
import { reasonText } from '../../shared/reason-text';
import { FindingActions } from './FindingActions';
import { FindingGuidance } from './FindingGuidance';
import { MAIN_PATH, stepOf } from './findingSteps';
import { useFinding } from './hooks';
import { GradeTag, SlaTag, StateTag, vulnLabel } from './labels';

type Reason = FindingDetail['reasons'][number];

/** Why a match was made, one line per reason (vendor alias, fuzzy product, model pattern, version range…). */
export function Reasons({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return <>—</>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="match-reasons">
      {reasons.map((r) => (
        <li key={`${r.kind}-${r.text}`}>
          {/* worded from the reason code (#12 item 3); reasons stored before codes existed keep their sentence */}
          <Tag>{t(`reasons.matching.kind_${r.kind}` as 'reasons.matching.kind_vendor', { defaultValue: r.kind })}</Tag>
          {reasonText(t, r.reason) ?? r.text}
          {r.score !== undefined && <Typography.Text type="secondary"> ({r.score.toFixed(2)})</Typography.Text>}
        </li>
      ))}
    </ul>
  );
}

/** A finding's lifecycle as steps and a timeline of who did what, with the actions this user may take. */
export function FindingDrawer({ id, onClose }: { id: string | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const { data: f, error } = useFinding(id);
  const l = (key: string) => t(`vulnerabilities.findings.${key}` as 'vulnerabilities.findings.title');
  const sideExit = f && !MAIN_PATH.includes(f.state) && f.state !== 'reopened';
  const approver = f?.events.findLast((e) => e.action === 'accept_risk')?.actorName;
  return (
    <DetailDrawer
      open={id !== undefined}
      onClose={onClose}
      size={820}
      title={f ? `${f.vulnerabilityKey} · ${f.asset.product}` : l('detail')}
      testId="finding-drawer"
      record={f}
      error={error}
    >
      {(f) => (
        <Flex vertical gap={16}>
          <Flex gap={8} align="center" wrap>
            <StateTag state={f.state} />
            <GradeTag grade={f.grade} />
            <SlaTag due={f.slaDueAt} overdue={f.overdue} />
          </Flex>
          <Steps
            size="small"
            current={f.state === 'verified_closed' ? MAIN_PATH.length : stepOf(f.state)}
            status={sideExit ? 'error' : 'process'}
            items={MAIN_PATH.map((s, i) => ({
              key: s,
              title: sideExit && i === stepOf(f.state) ? t(`vulnerabilities.states.${f.state}`) : t(`vulnerabilities.states.${s}`),
            }))}
            data-testid="finding-steps"
          />
          <FindingActions finding={f} />
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={l('vulnerability')} span={2}>
              {vulnLabel({ key: f.vulnerabilityKey, title: f.vulnerabilityTitle })}
            </Descriptions.Item>
            <Descriptions.Item label={t('vulnerabilities.common.enterprise')}>{f.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label={l('asset')}>
              {f.asset.vendor} {f.asset.product} {f.asset.model ?? ''} {f.asset.firmwareVersion ?? ''}{' '}
              {f.asset.host ? `(${f.asset.host})` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={l('origin')}>{t(`vulnerabilities.findings.origins.${f.origin}`)}</Descriptions.Item>
            <Descriptions.Item label={l('sla')}>
              <SlaTag due={f.slaDueAt} overdue={f.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label={l('firstSeen')}>{formatDateTime(f.firstSeenAt)}</Descriptions.Item>
            <Descriptions.Item label={l('lastSeen')}>{formatDateTime(f.lastSeenAt)}</Descriptions.Item>
            {f.plan && (
              <Descriptions.Item label={l('plan')} span={2}>
                {f.plan}
              </Descriptions.Item>
            )}
            {f.remediationOwner && <Descriptions.Item label={l('remediationOwner')}>{f.remediationOwner}</Descriptions.Item>}
            {f.remediationDue && <Descriptions.Item label={l('remediationDue')}>{formatDate(f.remediationDue)}</Descriptions.Item>}
            {f.vexJustification && (
              <Descriptions.Item label={l('vexJustification')} span={2}>
                {t(`vulnerabilities.vex.${f.vexJustification}` as 'vulnerabilities.vex.component_not_present', {
                  defaultValue: f.vexJustification,
                })}
              </Descriptions.Item>
            )}
            {f.riskAcceptedUntil && <Descriptions.Item label={l('riskAcceptedUntil')}>{formatDate(f.riskAcceptedUntil)}</Descriptions.Item>}
            {f.riskApproverId && <Descriptions.Item label={l('riskApprover')}>{approver ?? '—'}</Descriptions.Item>}
            {f.closedAt && <Descriptions.Item label={l('closedAt')}>{formatDateTime(f.closedAt)}</Descriptions.Item>}
            <Descriptions.Item label={l('reasons')} span={2}>
              <Reasons reasons={f.reasons} />
            </Descriptions.Item>
          </Descriptions>
          <FindingGuidance guidance={f.guidance} />
          <div>
            <Typography.Title level={5}>{l('lifecycle')}</Typography.Title>
            <Timeline
              items={f.events.map((e, i) => ({
                key: i,
                content: (
                  <Flex vertical>
                    <span>
                      {e.fromState ? `${t(`vulnerabilities.states.${e.fromState}` as 'vulnerabilities.states.new')} → ` : ''}
                      <Typography.Text strong>{t(`vulnerabilities.states.${e.toState}` as 'vulnerabilities.states.new')}</Typography.Text> ·{' '}
                      {e.actorName} · {formatDateTime(e.at)}
                    </span>
                    {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
                  </Flex>
                ),
              }))}
              data-testid="finding-timeline"
            />
          </div>
        </Flex>
      )}
    </DetailDrawer>
  );
}
