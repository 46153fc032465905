import type { Application, Objection, Round } from '@suilian/contracts';
import { App, Button, type ButtonProps, Card, Empty, Form, Input, Modal, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useObjections, useResolveObjection } from './hooks';
import { SelectionErrorAlert } from './SelectionErrorAlert';
import { ObjectionStatusTag } from './SelectionTags';

interface ResolveValues {
  upheld?: boolean;
  resolution?: string;
}

/** The organiser decides an objection: upheld takes the application off the selected list. */
function ResolveModal({ round, objection, onClose }: { round: Round; objection: Objection | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResolveValues>();
  const resolve = useResolveObjection();
  const close = () => {
    resolve.reset();
    onClose();
  };
  return (
    <Modal
      open={objection !== null}
      title={t('selections.resolveTitle')}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{ loading: resolve.isPending, 'data-testid': 'objection-resolve-confirm' } as ButtonProps}
      destroyOnHidden
      data-testid="objection-resolve-modal"
    >
      {resolve.error !== null && <SelectionErrorAlert error={resolve.error} round={round} style={{ marginBottom: 16 }} />}
      {objection && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {objection.content}
        </Typography.Paragraph>
      )}
      <Form<ResolveValues>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          objection &&
          resolve.mutate(
            { roundId: round.id, objectionId: objection.id, body: { upheld: v.upheld ?? false, resolution: (v.resolution ?? '').trim() } },
            {
              onSuccess: () => {
                void message.success(t('selections.resolveDone'));
                close();
              },
            },
          )
        }
      >
        <Form.Item
          name="upheld"
          label={t('selections.decision')}
          rules={[{ required: true, message: t('rules.requiredSelect', { field: t('selections.decision') }) }]}
        >
          <Radio.Group
            options={[
              { value: true, label: t('selections.uphold') },
              { value: false, label: t('selections.dismiss') },
            ]}
            data-testid="objection-decision"
          />
        </Form.Item>
        <Form.Item
          name="resolution"
          label={t('selections.resolution')}
          rules={[
            { required: true, whitespace: true, message: t('rules.required', { field: t('selections.resolution') }) },
            { max: 2000, message: t('rules.maxLength', { field: t('selections.resolution'), max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={4} data-testid="objection-resolution" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Objections raised during the public notice: all for organisers (who resolve them), one's own for others. */
export function ObjectionsCard({ round, applications }: { round: Round; applications: Application[] }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manages = can('selection:manage');
  const { data, isFetching, error } = useObjections(round.id, true);
  const [resolving, setResolving] = useState<Objection | null>(null);
  const subject = (applicationId: string) => applications.find((a) => a.id === applicationId);
  return (
    <Card
      title={manages ? t('selections.objections') : t('selections.myObjections')}
      size="small"
      extra={round.stage === 'publicity' && <Typography.Text type="secondary">{t('selections.objectHint')}</Typography.Text>}
      data-testid="objections-card"
    >
      {error && <ApiErrorAlert error={error} />}
      <Table<Objection>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selections.objectionsEmpty')} /> }}
        columns={[
          {
            title: t('selections.subject'),
            key: 'subject',
            render: (_v, o) => {
              const a = subject(o.applicationId);
              return a ? `${a.subjectName}（${a.enterpriseName}）` : '—';
            },
          },
          {
            title: t('selections.objectContent'),
            dataIndex: 'content',
            key: 'content',
            render: (c: string) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c}</Typography.Text>,
          },
          { title: t('selections.raisedBy'), dataIndex: 'raisedBy', key: 'raisedBy', width: 140 },
          { title: t('fields.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 150, render: formatDateTime },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            key: 'status',
            width: 110,
            render: (s: Objection['status']) => <ObjectionStatusTag status={s} />,
          },
          {
            title: t('selections.resolution'),
            dataIndex: 'resolution',
            key: 'resolution',
            render: (r: string | null) => r || '—',
          },
          ...(manages
            ? [
                {
                  key: 'actions',
                  width: 80,
                  render: (_v: unknown, o: Objection) =>
                    o.status === 'open' && (
                      <Button size="small" onClick={() => setResolving(o)} data-testid="objection-resolve">
                        {t('selections.resolve')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <ResolveModal round={round} objection={resolving} onClose={() => setResolving(null)} />
    </Card>
  );
}
