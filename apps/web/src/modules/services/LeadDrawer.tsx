import { type Lead, type LeadStatus, NO_DEAL_REASONS, type NoDealReason } from '@suilian/contracts';
import { App, Descriptions, Form, Input, Select, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyFormErrors } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { useFollowUpLead, useLead } from './hooks';
import { LeadStatusTag } from './tags';

interface Values {
  status?: LeadStatus;
  noDealReason?: NoDealReason;
  note?: string;
}

function History({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={lead.events.map((e) => ({
        key: e.id,
        children: (
          <>
            <Typography.Text strong>
              {t(`leadSides.${e.side}`)} · {e.actorName}
            </Typography.Text>
            <Typography.Text type="secondary"> {formatDateTime(e.occurredAt)}</Typography.Text>
            {e.toStatus && (
              <div>
                <LeadStatusTag status={e.toStatus} />
              </div>
            )}
            {e.note && <div>{e.note}</div>}
          </>
        ),
      }))}
    />
  );
}

/** A lead: parties, status, follow-up history; a follow-up form (the provider also moves the status). */
export function LeadDrawer({ id, onClose }: { id: string | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data: lead, isPending } = useLead(id);
  const follow = useFollowUpLead();
  const status = Form.useWatch('status', form);
  const open = Boolean(lead && (lead.nextStatuses.length > 0 || lead.status === 'contact' || lead.status === 'proposal'));

  const submit = (v: Values) => {
    if (!lead) return;
    if (!v.status && !v.note?.trim()) {
      void message.warning(t('services.noteRequired'));
      return;
    }
    follow.mutate(
      {
        id: lead.id,
        body: {
          version: lead.version,
          ...(v.status ? { status: v.status } : {}),
          ...(v.status === 'no_deal' && v.noDealReason ? { noDealReason: v.noDealReason } : {}),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('services.followedUp'));
          form.resetFields();
        },
        onError: (error) => applyFormErrors(form, error, t),
      },
    );
  };

  return (
    <RecordDrawer
      open={id !== undefined}
      onClose={onClose}
      title={t('services.leadDetail')}
      size={620}
      testId="lead-drawer"
      onSubmit={open ? () => form.submit() : undefined}
      submitLabel={t('services.addFollowUp')}
      submitting={follow.isPending}
      submitTestId="lead-follow-up-submit"
      error={follow.error}
      showReason
    >
      {isPending || !lead ? (
        <Spin />
      ) : (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'demand',
                label: t('services.demandTitle'),
                children: <Link to={`/services/demands/${lead.demandId}`}>{lead.demandTitle}</Link>,
              },
              { key: 'enterprise', label: t('services.enterprise'), children: lead.enterpriseName },
              {
                key: 'solution',
                label: t('services.solutionsTitle'),
                children: <Link to={`/services/solutions/${lead.solutionId}`}>{lead.solutionTitle}</Link>,
              },
              { key: 'provider', label: t('services.provider'), children: lead.providerName },
              { key: 'status', label: t('services.status'), children: <LeadStatusTag status={lead.status} /> },
              ...(lead.noDealReason
                ? [{ key: 'reason', label: t('services.noDealReason'), children: t(`noDealReasons.${lead.noDealReason}`) }]
                : []),
              { key: 'score', label: t('services.score'), children: lead.score ?? '—' },
              {
                key: 'opened',
                label: t('services.openedBy'),
                children: `${t(`leadSides.${lead.openedBy}`)} · ${formatDateTime(lead.createdAt)}`,
              },
              {
                key: 'first',
                label: t('services.firstResponseAt'),
                children: lead.firstResponseAt ? formatDateTime(lead.firstResponseAt) : '—',
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('services.followUps')}
          </Typography.Title>
          <History lead={lead} />
          {open && (
            <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
              {lead.nextStatuses.length > 0 && (
                <Form.Item name="status" label={t('services.nextStatus')}>
                  <Select
                    allowClear
                    options={lead.nextStatuses.map((s) => ({ value: s, label: t(`leadStatuses.${s}`) }))}
                    data-testid="lead-next-status"
                  />
                </Form.Item>
              )}
              {status === 'no_deal' && (
                <Form.Item
                  name="noDealReason"
                  label={t('services.noDealReason')}
                  rules={[{ required: true, message: t('services.noDealReasonRequired') }]}
                >
                  <Select
                    options={NO_DEAL_REASONS.map((r) => ({ value: r, label: t(`noDealReasons.${r}`) }))}
                    data-testid="lead-no-deal-reason"
                  />
                </Form.Item>
              )}
              <Form.Item name="note" label={t('services.note')} rules={[{ max: 2000 }]}>
                <Input.TextArea rows={3} data-testid="lead-note" />
              </Form.Item>
            </Form>
          )}
        </>
      )}
    </RecordDrawer>
  );
}
