import { PaperClipOutlined } from '@ant-design/icons';
import { API, type FundApplication, type FundApplicationState } from '@suilian/contracts';
import { Alert, Button, Card, Descriptions, type DescriptionsProps, Flex, List, Space, Spin, Steps, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { urlOf } from '../../api/endpoints';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatDateTime, formatMoney } from '../../shared/format';
import { SanctionBanner } from '../sanctions';
import { FundActionModal, type FundModalStep } from './FundActionModal';
import { FundApplicationDrawer } from './FundApplicationDrawer';
import { FundStateTag } from './FundStateTag';
import { useFundApplication } from './hooks';

/** Which of the six stages a state is at (the Steps bar). */
const STAGE: Record<FundApplicationState, number> = {
  draft: 0,
  returned: 0,
  submitted: 1,
  city_review: 2,
  publicity: 3,
  awarded: 4,
  disbursed: 5,
  rejected: 2,
};
const STAGES = ['apply', 'district', 'city', 'publicity', 'award', 'disburse'] as const;

/** One application: its stage, the eligibility reasons, evidence, timeline, 公示, decisions, tranches and the caller's steps. */
export default function FundApplicationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data: a, isPending, error } = useFundApplication(id);
  const [action, setAction] = useState<FundModalStep | null>(null);
  const [editing, setEditing] = useState(false);
  if (error) return <ApiErrorAlert error={error} />;
  if (isPending || !a) return <Spin />;
  const zh = i18n.language.startsWith('zh');

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('funds.fields.code'), children: a.code },
    { key: 'programme', label: t('funds.fields.programme'), children: zh ? a.programmeNameZh : a.programmeNameEn },
    { key: 'enterprise', label: t('funds.fields.enterprise'), children: a.enterpriseName },
    { key: 'district', label: t('funds.fields.district'), children: a.districtName },
    { key: 'project', label: t('funds.fields.project'), children: a.projectTitle },
    { key: 'level', label: t('funds.fields.level'), children: a.level ?? '—' },
    { key: 'requested', label: t('funds.fields.requestedAmount'), children: formatMoney(a.requestedAmount) },
    { key: 'ceiling', label: t('funds.fields.ceiling'), children: formatMoney(a.ceiling) },
    { key: 'awarded', label: t('funds.fields.awardedAmount'), children: formatMoney(a.awardedAmount) },
    { key: 'disbursed', label: t('funds.fields.disbursedAmount'), children: formatMoney(a.disbursedAmount) },
    { key: 'bank', label: t('funds.fields.bankName'), children: a.bankName },
    {
      key: 'account',
      label: t('funds.fields.bankAccount'),
      children: <span data-testid="fund-account-masked">{a.bankAccountMasked}</span>,
    },
    { key: 'publicity', label: t('funds.fields.publicityEndsOn'), children: formatDate(a.publicityEndsOn) },
    { key: 'description', label: t('funds.fields.description'), span: 2, children: a.description ?? '—' },
  ];

  return (
    <Flex vertical gap={16} data-testid="fund-application-detail">
      <SanctionBanner organisationId={a.enterpriseId} />
      <Card
        title={
          <Space wrap>
            <span>{`${a.code} · ${a.enterpriseName}`}</span>
            <FundStateTag state={a.state} />
          </Space>
        }
        extra={<StepButtons application={a} onStep={setAction} onEdit={() => setEditing(true)} />}
      >
        <Steps
          size="small"
          current={STAGE[a.state]}
          status={a.state === 'rejected' ? 'error' : undefined}
          items={STAGES.map((s) => ({ title: t(`funds.steps.${s}`) }))}
          style={{ marginBottom: 24 }}
        />
        <Descriptions bordered size="small" column={2} items={items} />
      </Card>
      <Card title={t('funds.sections.eligibility')} size="small">
        {a.eligibility ? (
          <Alert
            type={a.eligibility.eligible ? 'success' : 'warning'}
            showIcon
            data-testid="fund-eligibility"
            message={`${a.eligibility.eligible ? t('funds.eligibility.eligible') : t('funds.eligibility.ineligible')} · ${t('funds.eligibility.checkedAt', { at: formatDateTime(a.eligibility.checkedAt) })}`}
            description={
              a.eligibility.reasons.length > 0 && (
                <ul style={{ margin: 0 }}>
                  {a.eligibility.reasons.map((r) => (
                    <li key={r.code}>
                      {t(`funds.rule.${r.code}`, {
                        ...r.params,
                        ...(r.code === 'requires_link' ? { link: t(`funds.links.${String(r.params.link)}` as never) } : {}),
                      })}
                    </li>
                  ))}
                </ul>
              )
            }
          />
        ) : (
          t('funds.noneYet')
        )}
      </Card>
      <Card title={t('funds.fields.evidence')} size="small">
        <List
          size="small"
          dataSource={a.evidence}
          locale={{ emptyText: t('funds.noneYet') }}
          renderItem={(e) => (
            <List.Item>
              <Space wrap>
                <a href={urlOf(API.downloadFile, { params: { id: e.file.id } })} download={e.file.name}>
                  <PaperClipOutlined /> {e.file.name}
                </a>
                <span>{t(`funds.evidenceKinds.${e.kind}`)}</span>
                {e.number && <Typography.Text code>{e.number}</Typography.Text>}
                {e.amount && <span>{formatMoney(e.amount)}</span>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('funds.sections.objections')} size="small">
        <List
          size="small"
          dataSource={a.objections}
          locale={{ emptyText: t('funds.noneYet') }}
          renderItem={(o) => (
            <List.Item
              extra={
                o.upheld === null && a.actions.includes('object') ? (
                  <Button
                    size="small"
                    onClick={() => setAction({ step: 'resolve', objectionId: o.id })}
                    data-testid="fund-objection-resolve"
                  >
                    {t('funds.action.resolve')}
                  </Button>
                ) : null
              }
            >
              {`${o.objector}：${o.content} — ${o.upheld === null ? t('funds.objectionPending') : `${o.upheld ? t('funds.fields.upheld') : ''} ${o.resolution ?? ''}`}`}
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('funds.sections.decisions')} size="small">
        <List
          size="small"
          dataSource={a.decisions}
          locale={{ emptyText: t('funds.noneYet') }}
          renderItem={(d) => (
            <List.Item>{`${t('funds.decisionLine', { ...d, amount: formatMoney(d.amount), ceiling: formatMoney(d.ceiling) })} · ${d.actorName} ${formatDateTime(d.at)}`}</List.Item>
          )}
        />
      </Card>
      <Card title={t('funds.sections.tranches')} size="small">
        <List
          size="small"
          dataSource={a.tranches}
          locale={{ emptyText: t('funds.noneYet') }}
          renderItem={(x) => <List.Item>{t('funds.trancheLine', { ...x, amount: formatMoney(x.amount) })}</List.Item>}
        />
      </Card>
      <Card title={t('funds.sections.timeline')} size="small">
        <Timeline
          items={a.events.map((e) => ({
            children: `${formatDateTime(e.at)} ${e.actorName} · ${t(`funds.state.${e.toState}`)}${e.comment ? ` · ${e.comment}` : ''}`,
          }))}
        />
      </Card>
      <FundActionModal application={a} action={action} onClose={() => setAction(null)} />
      {editing && <FundApplicationDrawer open editing={a} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </Flex>
  );
}

/** The steps open to the caller, as buttons (the server's `actions`). */
function StepButtons({ application, onStep, onEdit }: { application: FundApplication; onStep(s: FundModalStep): void; onEdit(): void }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      {application.actions.map((step) =>
        step === 'edit' ? (
          <Button key={step} onClick={onEdit} data-testid="fund-step-edit">
            {t('funds.action.edit')}
          </Button>
        ) : (
          <Button
            key={step}
            type={step === 'approve' || step === 'submit' || step === 'award' ? 'primary' : 'default'}
            danger={step === 'reject'}
            onClick={() => onStep({ step })}
            data-testid={`fund-step-${step}`}
          >
            {t(`funds.action.${step}`)}
          </Button>
        ),
      )}
    </Space>
  );
}
