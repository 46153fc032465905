import { CheckOutlined, EditOutlined, FilePdfOutlined, FileTextOutlined, SendOutlined } from '@ant-design/icons';
import type { Notice, NoticeRecipient, NoticeResponse } from '@suilian/contracts';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert, applyFormErrors, useNotifyError } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { DetailDrawer } from '../../shared/frame/DetailDrawer';
import { noticeDocumentUrl, useAcknowledgeNotice, useNotice, usePublishNotice, useRespondNotice } from './hooks';
import { GradeTag, vulnLabel } from './labels';

const RESPONSES = ['mitigated', 'in_progress', 'not_applicable'] as const;

/** The enterprise's acknowledgement and response of a published notice. */
function RecipientActions({ notice, mine }: { notice: Notice; mine: NoticeRecipient }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ack = useAcknowledgeNotice();
  const respond = useRespondNotice();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<NoticeResponse>();
  const [open, setOpen] = useState(false);
  const n = (key: string) => t(`vulnerabilities.notices.${key}` as 'vulnerabilities.notices.title');
  return (
    <Space wrap>
      {mine.acknowledgedAt ? (
        <Tag color="green" data-testid="notice-acknowledged">
          {n('acknowledged')} {formatDateTime(mine.acknowledgedAt)}
        </Tag>
      ) : (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={ack.isPending}
          onClick={() => ack.mutate(notice.id, { onSuccess: () => void message.success(n('acknowledged')), onError: notifyError })}
          data-testid="notice-acknowledge"
        >
          {n('acknowledge')}
        </Button>
      )}
      <Button
        onClick={() => {
          form.setFieldsValue({ responseStatus: mine.responseStatus ?? 'in_progress', response: mine.response ?? '' });
          setOpen(true);
        }}
        data-testid="notice-respond"
      >
        {n('respond')}
      </Button>
      <Modal
        open={open}
        title={n('respondTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: respond.isPending }}
        destroyOnHidden
      >
        {respond.error && <ApiErrorAlert error={respond.error} showReason style={{ marginBottom: 12 }} />}
        <Form<NoticeResponse>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            respond.mutate({ id: notice.id, body: v }, { onSuccess: () => setOpen(false), onError: (e) => applyFormErrors(form, e, t) })
          }
        >
          <Form.Item name="responseStatus" label={n('responseStatus')} rules={[{ required: true }]}>
            <Radio.Group options={RESPONSES.map((r) => ({ value: r, label: t(`vulnerabilities.responseStatus.${r}`) }))} />
          </Form.Item>
          <Form.Item name="response" label={n('response')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
            <Input.TextArea rows={4} data-testid="notice-response-text" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** One notice: its text, the affected enterprises (from the matches while a draft), publishing, acknowledgements and responses. */
export function NoticeDrawer({ id, onClose, onEdit }: { id: string | undefined; onClose(): void; onEdit(n: Notice): void }) {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const { data: notice, error } = useNotice(id);
  const publish = usePublishNotice();
  const notifyError = useNotifyError();
  const n = (key: string) => t(`vulnerabilities.notices.${key}` as 'vulnerabilities.notices.title');
  const manage = can('vuln:manage');
  const mine = notice?.recipients.find((r) => r.enterpriseId === me?.orgId);
  const draft = notice?.status === 'draft';
  const acknowledged = notice?.recipients.filter((r) => r.acknowledgedAt).length ?? 0;
  const responded = notice?.recipients.filter((r) => r.respondedAt).length ?? 0;

  return (
    <DetailDrawer
      open={id !== undefined}
      onClose={onClose}
      size={860}
      title={notice ? `${notice.number ?? n('statuses.draft')} · ${notice.title}` : n('title')}
      testId="notice-drawer"
      extra={
        notice && (
          <Space>
            <Button icon={<FileTextOutlined />} href={noticeDocumentUrl(notice.id, 'html')} target="_blank" data-testid="notice-html">
              {n('viewHtml')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={noticeDocumentUrl(notice.id, 'pdf')} data-testid="notice-pdf">
              {n('downloadPdf')}
            </Button>
            {draft && manage && (
              <Button icon={<EditOutlined />} onClick={() => onEdit(notice)} data-testid="notice-edit">
                {t('vulnerabilities.common.edit')}
              </Button>
            )}
            {draft && manage && (
              <Popconfirm
                title={t('vulnerabilities.notices.publishConfirm', { n: notice.recipients.length })}
                onConfirm={() => publish.mutate({ id: notice.id, version: notice.version }, { onError: notifyError })}
                okButtonProps={{ 'data-testid': 'notice-publish-confirm' } as never}
              >
                <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="notice-publish">
                  {n('publish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
      record={notice}
      error={error}
    >
      {(notice) => (
        <Flex vertical gap={16}>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={n('status')}>
              <Tag color={draft ? 'default' : 'blue'} data-testid="notice-status">
                {n(`statuses.${notice.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={n('grade')}>
              <GradeTag grade={notice.grade} />
            </Descriptions.Item>
            <Descriptions.Item label={n('publishedAt')}>{formatDateTime(notice.publishedAt)}</Descriptions.Item>
            <Descriptions.Item label={n('responseDeadline')}>{formatDate(notice.responseDeadline)}</Descriptions.Item>
            <Descriptions.Item label={n('vulnerabilities')} span={2}>
              {notice.vulnerabilities.map((v) => (
                <Tag key={v.id}>{vulnLabel(v)}</Tag>
              ))}
            </Descriptions.Item>
            {(['summary', 'affectedScope', 'mitigations'] as const).map((k) => (
              <Descriptions.Item key={k} label={n(k)} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{notice[k]}</Typography.Paragraph>
              </Descriptions.Item>
            ))}
          </Descriptions>
          {mine && !draft && can('notice:respond') && <RecipientActions notice={notice} mine={mine} />}
          {draft && <Alert type="info" showIcon title={n('draftRecipients')} />}
          {!draft && manage && (
            <Typography.Text data-testid="notice-progress">
              {t('vulnerabilities.notices.progress', { ack: acknowledged, total: notice.recipients.length, resp: responded })}
            </Typography.Text>
          )}
          <Table<NoticeRecipient>
            size="small"
            rowKey="enterpriseId"
            title={() => n('recipients')}
            dataSource={notice.recipients}
            pagination={notice.recipients.length > 10 ? { pageSize: 10 } : false}
            locale={{ emptyText: n('noRecipients') }}
            data-testid="notice-recipients"
            columns={[
              { title: t('vulnerabilities.common.enterprise'), dataIndex: 'enterpriseName' },
              { title: n('assetCount'), dataIndex: 'assetCount', align: 'right', width: 80 },
              ...(draft
                ? []
                : [
                    { title: n('acknowledgedAt'), dataIndex: 'acknowledgedAt', width: 140, render: formatDateTime },
                    {
                      title: n('responseStatus'),
                      dataIndex: 'responseStatus',
                      width: 90,
                      render: (s: NoticeRecipient['responseStatus']) => (s ? <Tag>{t(`vulnerabilities.responseStatus.${s}`)}</Tag> : '—'),
                    },
                    { title: n('response'), dataIndex: 'response', render: (r: string | null) => r ?? '—' },
                    { title: n('respondedAt'), dataIndex: 'respondedAt', width: 140, render: formatDateTime },
                  ]),
            ]}
          />
        </Flex>
      )}
    </DetailDrawer>
  );
}
