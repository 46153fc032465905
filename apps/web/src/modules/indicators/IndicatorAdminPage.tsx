import { PlusOutlined } from '@ant-design/icons';
import { INDICATOR_GROUPS, INDICATOR_KINDS, type IndicatorDefinition } from '@suilian/contracts';
import { Alert, App, Button, Card, Flex, Input, Modal, Select, Space, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatDate, formatNumber } from '../../shared/format';
import { StatusTag } from '../../shared/StatusTag';
import { useIndicatorDefinitions, useIndicators, useRestoreIndicator, useRetireIndicator } from './hooks';
import { type IndicatorDrawerMode, IndicatorFormDrawer } from './IndicatorFormDrawer';
import { INDICATOR_STATUS_TONES, roundFigure } from './status';

/** Where the value comes from, as one line: the counter's description, the data element, or the formula. */
function SourceCell({ item }: { item: IndicatorDefinition }) {
  const { t } = useTranslation();
  if (item.formula)
    return (
      <Typography.Text code translate="no">
        {item.formula}
      </Typography.Text>
    );
  if (item.dataElement) return <Typography.Text code translate="no">{`#{${item.dataElement}}`}</Typography.Text>;
  return <span>{item.counter ? t(`indicatorAdmin.counters.${item.counter}`, { defaultValue: item.counter }) : '—'}</span>;
}

function RetireModal({ item, onClose }: { item: IndicatorDefinition | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const retire = useRetireIndicator();
  const [reason, setReason] = useState('');
  const close = () => {
    retire.reset();
    setReason('');
    onClose();
  };
  return (
    <Modal
      open={item !== null}
      title={item ? t('indicatorAdmin.retireTitle', { code: item.code }) : ''}
      okText={t('indicatorAdmin.retire')}
      okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: retire.isPending }}
      onCancel={close}
      onOk={() =>
        item &&
        retire.mutate(
          { code: item.code, version: item.version, reason: reason.trim() },
          {
            onSuccess: () => {
              void message.success(t('indicatorAdmin.retiredDone', { code: item.code }));
              close();
            },
          },
        )
      }
      destroyOnHidden
    >
      {retire.error && <ApiErrorAlert error={retire.error} showReason style={{ marginBottom: 12 }} />}
      <Typography.Text>{t('indicatorAdmin.retireReason')}</Typography.Text>
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2 }}
        status={reason.trim() === '' ? 'warning' : undefined}
        placeholder={t('indicatorAdmin.retireReasonRequired')}
        data-testid="indicator-retire-reason"
      />
    </Modal>
  );
}

/** 指标与报送 → 指标管理: every indicator with its source, target and current value; create, edit, retire and restore. */
export default function IndicatorAdminPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const me = useMe();
  const notifyError = useNotifyError();
  const writable = me.permissions.includes('indicator:manage');
  const [showRetired, setShowRetired] = useState(false);
  const [group, setGroup] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [mode, setMode] = useState<IndicatorDrawerMode | null>(null);
  const [retiring, setRetiring] = useState<IndicatorDefinition | null>(null);
  const definitions = useIndicatorDefinitions(showRetired);
  const values = useIndicators(undefined);
  const restore = useRestoreIndicator();
  const currentByCode = useMemo(() => new Map((values.data ?? []).map((i) => [i.code, i])), [values.data]);

  const needle = q.trim().toLowerCase();
  const rows = (definitions.data ?? []).filter(
    (d) =>
      (!group || d.group === group) &&
      (!kind || d.kind === kind) &&
      (!needle || `${d.code} ${d.nameZh} ${d.nameEn} ${d.formula ?? ''}`.toLowerCase().includes(needle)),
  );

  const columns: TableColumnsType<IndicatorDefinition> = [
    {
      title: t('indicatorAdmin.fields.code'),
      dataIndex: 'code',
      key: 'code',
      width: 170,
      render: (code: string, d) => (
        <Space size={4} wrap>
          <Typography.Text code translate="no">
            {code}
          </Typography.Text>
          {d.isPlanTarget ? <Tag color="blue">{t('indicatorAdmin.planTarget')}</Tag> : <Tag>{t('indicatorAdmin.own')}</Tag>}
          {!d.isPublic && <Tag data-testid={`indicator-internal-${d.code}`}>{t('indicatorAdmin.internal')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('fields.name'),
      key: 'name',
      render: (_v, d) => (locale === 'zh-CN' ? d.nameZh : d.nameEn),
    },
    {
      title: t('indicatorAdmin.fields.group'),
      dataIndex: 'group',
      key: 'group',
      render: (g: IndicatorDefinition['group']) => t(`indicatorGroups.${g}`),
    },
    {
      title: t('indicatorAdmin.fields.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: IndicatorDefinition['kind']) => t(`indicatorAdmin.kinds.${k}`),
    },
    { title: t('indicatorAdmin.fields.source'), key: 'source', ellipsis: true, render: (_v, d) => <SourceCell item={d} /> },
    {
      title: t('indicatorAdmin.fields.target'),
      key: 'target',
      align: 'right',
      render: (_v, d) => (
        <span>
          {t(`indicatorAdmin.comparators.${d.comparator}`)} {formatNumber(d.target)} {d.unit}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatDate(d.targetDate)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('indicatorAdmin.fields.value'),
      key: 'value',
      align: 'right',
      render: (_v, d) => {
        const current = currentByCode.get(d.code);
        if (!current) return '—';
        return (
          <Space size={4}>
            <Link to={current.drillDown ?? `/indicators/${d.code}/records`} data-testid={`indicator-value-${d.code}`}>
              {current.value === null ? '—' : formatNumber(roundFigure(current.value))}
            </Link>
            <StatusTag tone={INDICATOR_STATUS_TONES[current.status]}>{t(`indicatorStatuses.${current.status}`)}</StatusTag>
          </Space>
        );
      },
    },
    {
      title: t('indicatorAdmin.fields.status'),
      key: 'status',
      render: (_v, d) =>
        d.retiredAt ? (
          <span title={d.retiredReason ?? ''}>
            <StatusTag tone="closed">{t('indicatorAdmin.retired')}</StatusTag>
          </span>
        ) : (
          <StatusTag tone="done">{t('indicatorAdmin.active')}</StatusTag>
        ),
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_v, d) => (
        <Space size={0}>
          {!d.retiredAt && (
            <Button type="link" size="small" onClick={() => setMode({ type: 'edit', item: d })} data-testid={`indicator-edit-${d.code}`}>
              {t('common.edit')}
            </Button>
          )}
          {!d.retiredAt && !d.isPlanTarget && (
            <Button type="link" size="small" danger onClick={() => setRetiring(d)} data-testid={`indicator-retire-${d.code}`}>
              {t('indicatorAdmin.retire')}
            </Button>
          )}
          {d.retiredAt && (
            <Button
              type="link"
              size="small"
              data-testid={`indicator-restore-${d.code}`}
              onClick={() =>
                restore
                  .mutateAsync({ code: d.code, version: d.version })
                  .then(() => void message.success(t('indicatorAdmin.restored', { code: d.code })), notifyError)
              }
            >
              {t('indicatorAdmin.restore')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('indicatorAdmin.title')}
      data-testid="indicator-admin-page"
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ type: 'create' })} data-testid="indicator-create">
            {t('indicatorAdmin.create')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('indicatorAdmin.intro')} />
        <Flex gap={8} wrap align="center">
          <Input.Search allowClear placeholder={t('common.search')} onSearch={setQ} style={{ width: 220 }} data-testid="indicator-search" />
          <Select
            allowClear
            placeholder={t('indicatorAdmin.fields.group')}
            value={group}
            onChange={setGroup}
            style={{ width: 140 }}
            options={INDICATOR_GROUPS.map((g) => ({ value: g, label: t(`indicatorGroups.${g}`) }))}
          />
          <Select
            allowClear
            placeholder={t('indicatorAdmin.fields.kind')}
            value={kind}
            onChange={setKind}
            style={{ width: 140 }}
            options={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`indicatorAdmin.kinds.${k}`) }))}
          />
          <Space>
            <Switch size="small" checked={showRetired} onChange={setShowRetired} data-testid="indicator-show-retired" />
            <Typography.Text>{t('indicatorAdmin.showRetired')}</Typography.Text>
          </Space>
        </Flex>
        {definitions.error && <ApiErrorAlert error={definitions.error} />}
        <Table<IndicatorDefinition>
          rowKey="code"
          size="middle"
          loading={definitions.isFetching}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="indicator-table"
        />
      </Flex>
      <IndicatorFormDrawer mode={mode} onClose={() => setMode(null)} />
      <RetireModal item={retiring} onClose={() => setRetiring(null)} />
    </Card>
  );
}
