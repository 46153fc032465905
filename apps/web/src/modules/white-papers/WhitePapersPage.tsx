import { FileAddOutlined } from '@ant-design/icons';
import { WHITE_PAPER_PERIODS, WHITE_PAPER_STATES, type WhitePaper, type WhitePaperPeriod, type WhitePaperState } from '@suilian/contracts';
import { App, Button, Card, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { StatusTag, type StatusTone } from '../../shared/StatusTag';
import { useCreateWhitePaper, useWhitePapers } from './hooks';

export const STATE_TONES: Record<WhitePaperState, StatusTone> = { draft: 'attention', in_review: 'progress', published: 'done' };

/** The new-edition drawer: a year and a period (年度 / 上半年 / 下半年); the server numbers and snapshots it. */
function NewEditionDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ year: number; period: WhitePaperPeriod }>();
  const create = useCreateWhitePaper();
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={t('whitePapers.newEdition')}
      size={420}
      testId="white-paper-new"
      onSubmit={() => form.submit()}
      submitting={create.isPending}
      submitLabel={t('whitePapers.create')}
      submitTestId="white-paper-create"
      error={create.error}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear(), period: 'h1' }}
        onFinish={(body) =>
          create.mutate(body, {
            onSuccess: (edition) => {
              void message.success(t('whitePapers.created', { number: (edition as WhitePaper).number }));
              onClose();
              void navigate(`/publications/white-papers/${(edition as WhitePaper).id}`);
            },
            onError: (error) => applyFormErrors(form, error, t),
          })
        }
      >
        <Form.Item name="year" label={t('whitePapers.year')} rules={[{ required: true }]}>
          <InputNumber min={2024} max={2030} style={{ width: '100%' }} data-testid="white-paper-year" />
        </Form.Item>
        <Form.Item name="period" label={t('whitePapers.period')} rules={[{ required: true }]}>
          <Select
            options={WHITE_PAPER_PERIODS.map((p) => ({ value: p, label: t(`whitePapers.periods.${p}`) }))}
            data-testid="white-paper-period"
          />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}

/** 白皮书 → 白皮书编制: the editions in every state; the city drafts new ones. */
export default function WhitePapersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [state, setState] = useState<WhitePaperState | undefined>();
  const [drawer, setDrawer] = useState(false);
  const list = useWhitePapers({ ...page, state });
  return (
    <Card
      title={t('whitePapers.title')}
      extra={
        can('white_paper:edit') ? (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setDrawer(true)} data-testid="white-paper-new-button">
            {t('whitePapers.newEdition')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('whitePapers.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('whitePapers.filterState')}</Typography.Text>
        <Select
          allowClear
          style={{ width: 160 }}
          value={state}
          onChange={(s) => {
            setState(s);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={WHITE_PAPER_STATES.map((s) => ({ value: s, label: t(`whitePapers.states.${s}`) }))}
        />
      </Space>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      <Table<WhitePaper>
        rowKey="id"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('whitePapers.empty') }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
        data-testid="white-paper-table"
        columns={[
          { title: t('whitePapers.columns.number'), dataIndex: 'number', width: 200 },
          { title: t('whitePapers.columns.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('whitePapers.columns.period'),
            key: 'period',
            width: 120,
            render: (_, r) => `${r.year} ${t(`whitePapers.periods.${r.period}`)}`,
          },
          {
            title: t('whitePapers.columns.state'),
            dataIndex: 'state',
            width: 100,
            render: (s: WhitePaperState) => <StatusTag tone={STATE_TONES[s]}>{t(`whitePapers.states.${s}`)}</StatusTag>,
          },
          { title: t('whitePapers.columns.asOf'), dataIndex: 'asOf', width: 110 },
          { title: t('whitePapers.columns.issuedOn'), dataIndex: 'issuedOn', width: 110, render: (d: string | null) => d ?? '—' },
          { title: t('whitePapers.columns.createdBy'), dataIndex: 'createdByName', width: 120 },
          {
            title: t('whitePapers.columns.actions'),
            key: 'actions',
            width: 150,
            render: (_, r) => (
              <Space size={8}>
                <Link to={`/publications/white-papers/${r.id}`} data-testid="white-paper-open">
                  {t('whitePapers.open')}
                </Link>
                {r.state === 'published' ? <Link to={`/white-papers/${r.slug}`}>{t('whitePapers.publicPage')}</Link> : null}
              </Space>
            ),
          },
        ]}
      />
      {drawer ? <NewEditionDrawer open onClose={() => setDrawer(false)} /> : null}
    </Card>
  );
}
