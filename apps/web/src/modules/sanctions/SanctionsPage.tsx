import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { API, checkResidentId, type Sanction, type SanctionState } from '@suilian/contracts';
import { Alert, App, Button, Form, Input, Modal, Select, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { ExportButton } from '../../shared/ExportButton';
import { ApiErrorAlert } from '../../shared/errors';
import { FilterBar } from '../../shared/FilterBar';
import { formatDate, formatDateTime } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { StatusTag, type StatusTone } from '../../shared/StatusTag';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { type SanctionFilters, useLiftSanction, useLookupSanctions, useSanctions } from './hooks';
import { SanctionCreateDrawer } from './SanctionCreateDrawer';

const STATE_TONES: Record<SanctionState, StatusTone> = { active: 'failed', scheduled: 'attention', expired: 'closed', lifted: 'closed' };
const STATES: SanctionState[] = ['active', 'scheduled', 'expired', 'lifted'];

export function SanctionStateTag({ state }: { state: SanctionState }) {
  const { t } = useTranslation();
  return <StatusTag tone={STATE_TONES[state]}>{t(`sanctions.state.${state}`)}</StatusTag>;
}

/** 取消资格名单 (issue #16 item 2): reviewers, analysts and auditors read it; city administrators record and lift. */
export default function SanctionsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const table = useTableState();
  const [urlFilters, setFilters] = useUrlFilters(['q', 'state'] as const);
  const filters: SanctionFilters = { q: urlFilters.q, state: STATES.find((s) => s === urlFilters.state) };
  const { data, isFetching, error } = useSanctions(table, filters);
  const [creating, setCreating] = useState(false);
  const [lifting, setLifting] = useState<Sanction | null>(null);
  const [lookup, setLookup] = useState<Sanction[] | null>(null);
  const writable = can('sanction:write');

  const columns: TableColumnsType<Sanction> = [
    {
      title: t('sanctions.fields.entityName'),
      key: 'entity',
      render: (_v, s) => (
        <Space direction="vertical" size={0}>
          <span>{s.entityName}</span>
          <Typography.Text type="secondary">{s.creditCode}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('sanctions.fields.personName'),
      key: 'person',
      render: (_v, s) => (s.personName ? `${s.personName}（${s.personIdMasked ?? ''}）` : '—'),
    },
    { title: t('sanctions.fields.basis'), dataIndex: 'basis', key: 'basis' },
    { title: t('sanctions.fields.reason'), dataIndex: 'reason', key: 'reason', ellipsis: true, width: 260 },
    {
      title: t('sanctions.fields.period'),
      key: 'period',
      render: (_v, s) => t('sanctions.period', { from: formatDate(s.startsOn), to: formatDate(s.endsOn) }),
    },
    {
      title: t('sanctions.fields.state'),
      key: 'state',
      render: (_v, s) => (
        <Space direction="vertical" size={0}>
          <SanctionStateTag state={s.state} />
          {s.liftedAt && <Typography.Text type="secondary">{`${formatDateTime(s.liftedAt)} ${s.liftReason ?? ''}`}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('sanctions.fields.createdBy'), dataIndex: 'createdByName', key: 'createdBy', render: (v: string | null) => v ?? '—' },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, s: Sanction) =>
              s.state === 'active' || s.state === 'scheduled' ? (
                <Button size="small" onClick={() => setLifting(s)} data-testid="sanction-lift">
                  {t('sanctions.lift')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <ListPage
      title={t('sanctions.title')}
      testId="sanctions-page"
      error={error}
      extra={
        <Space>
          <ExportButton endpoint={API.exportSanctions} filters={filters} testId="sanction-export" />
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="sanction-create-open">
              {t('sanctions.create')}
            </Button>
          )}
        </Space>
      }
      overlays={
        <>
          <SanctionCreateDrawer
            open={creating}
            onClose={() => setCreating(false)}
            onCreated={(s) => {
              setCreating(false);
              void message.success(t('sanctions.created', { name: s.entityName }));
            }}
          />
          <LiftModal sanction={lifting} onClose={() => setLifting(null)} />
        </>
      }
    >
      <Alert type="info" showIcon message={t('sanctions.notice')} />
      <FilterBar value={filters} onChange={(next) => setFilters(next)} placeholder={t('sanctions.search')} testId="sanction-filters">
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('sanctions.fields.state')}
          value={filters.state}
          onChange={(state?: SanctionState) => setFilters({ ...filters, state })}
          options={STATES.map((s) => ({ value: s, label: t(`sanctions.state.${s}`) }))}
          data-testid="sanction-state-filter"
        />
        <PersonLookup onResult={setLookup} />
      </FilterBar>
      {lookup && (
        <Alert
          type={lookup.length ? 'warning' : 'success'}
          closable
          onClose={() => setLookup(null)}
          data-testid="sanction-lookup-result"
          message={
            lookup.length
              ? lookup
                  .map(
                    (s) =>
                      `${s.personName ?? ''}（${s.personIdMasked ?? ''}）· ${s.entityName} · ${s.basis} · ${t(`sanctions.state.${s.state}`)}`,
                  )
                  .join('；')
              : t('sanctions.emptyFiltered')
          }
        />
      )}
      <ServerTable<Sanction>
        rowKey="id"
        table={table}
        page={data}
        fetching={isFetching}
        columns={columns}
        emptyText={filters.q || filters.state ? t('sanctions.emptyFiltered') : t('sanctions.empty')}
        testId="sanctions-table"
      />
    </ListPage>
  );
}

/** Looks a person up by ID number (sent in a POST body, compared by digest, never kept). */
function PersonLookup({ onResult }: { onResult(items: Sanction[]): void }) {
  const { t } = useTranslation();
  const lookup = useLookupSanctions();
  const [value, setValue] = useState('');
  const problem = value ? checkResidentId(value.trim().toUpperCase()) : null;
  return (
    <Space.Compact>
      <Input
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder={t('sanctions.personLookup')}
        title={t('sanctions.personLookupHint')}
        status={problem ? 'error' : undefined}
        autoComplete="off"
        maxLength={18}
        style={{ width: 240 }}
        data-testid="sanction-lookup-input"
      />
      <Button
        icon={<SearchOutlined />}
        disabled={!value || problem !== null}
        loading={lookup.isPending}
        onClick={() => lookup.mutate(value.trim().toUpperCase(), { onSuccess: (r) => onResult(r.items) })}
        data-testid="sanction-lookup"
      />
    </Space.Compact>
  );
}

/** Lifting asks for the reason and says what it changes. */
function LiftModal({ sanction, onClose }: { sanction: Sanction | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const lift = useLiftSanction();
  const close = () => {
    lift.reset();
    onClose();
  };
  return (
    <Modal
      open={sanction !== null}
      title={t('sanctions.liftTitle')}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true, loading: lift.isPending, ...{ 'data-testid': 'sanction-lift-confirm' } }}
      destroyOnHidden
    >
      {sanction && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            lift.mutate(
              { id: sanction.id, body: { reason: v.reason.trim() } },
              {
                onSuccess: () => {
                  void message.success(t('sanctions.lifted', { name: sanction.entityName }));
                  close();
                },
              },
            )
          }
        >
          <Typography.Paragraph>{t('sanctions.liftHint', { name: sanction.entityName })}</Typography.Paragraph>
          <ApiErrorAlert error={lift.error} showReason style={{ marginBottom: 16 }} />
          <Form.Item
            name="reason"
            label={t('sanctions.fields.liftReason')}
            rules={[
              { required: true, whitespace: true, message: t('sanctions.rules.required', { field: t('sanctions.fields.liftReason') }) },
            ]}
          >
            <Input.TextArea rows={3} data-testid="sanction-lift-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
