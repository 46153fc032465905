import { ALLOCATION_MODES, type AllocationMode, allocatedTarget, type IndicatorAllocations } from '@suilian/contracts';
import { App, Button, Card, Flex, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime, formatNumber } from '../../shared/format';
import { StatusTag } from '../../shared/StatusTag';
import { useIndicatorAllocations, useIndicatorDefinitions, useSetIndicatorAllocations } from './hooks';

type District = IndicatorAllocations['districts'][number];
interface Draft {
  mode: AllocationMode;
  amount: number | null;
}

const draftOf = (d: District): Draft => ({ mode: d.allocation?.mode ?? 'share', amount: d.allocation?.amount ?? null });
const changed = (d: District, draft: Draft | undefined) =>
  draft !== undefined &&
  (draft.amount === null ? d.allocation !== null : d.allocation?.mode !== draft.mode || d.allocation.amount !== draft.amount);

/**
 * 指标与报送 → 目标分解 (issue #12 item 5): each target allocated to the districts as a share of the
 * city target or an absolute figure; a district without one is 未分解. City administrators edit, the
 * others read; every change is a new version listed below with who made it and when.
 */
export default function AllocationPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const writable = useMe().permissions.includes('indicator:manage');
  const [params, setParams] = useSearchParams();
  const definitions = useIndicatorDefinitions(false);
  const targets = definitions.data ?? [];
  const code = params.get('indicator') ?? targets[0]?.code;
  const indicator = targets.find((d) => d.code === code);
  const allocations = useIndicatorAllocations(code);
  const save = useSetIndicatorAllocations();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const data = allocations.data;
  useEffect(() => {
    setDrafts(Object.fromEntries((data?.districts ?? []).map((d) => [d.districtId, draftOf(d)])));
  }, [data]);

  const nameOf = (d: { name: string; nameEn: string | null }) => (locale === 'zh-CN' ? d.name : (d.nameEn ?? d.name));
  const districtName = new Map((data?.districts ?? []).map((d) => [d.districtId, nameOf(d)]));
  const targetOf = (draft: Draft | undefined) =>
    draft && draft.amount !== null && data ? allocatedTarget(draft.mode, draft.amount, data.cityTarget) : null;
  const total = (data?.districts ?? []).reduce((n, d) => n + (targetOf(drafts[d.districtId]) ?? 0), 0);
  const edits = (data?.districts ?? []).filter((d) => changed(d, drafts[d.districtId]));
  const unit = indicator?.unit ?? '';
  const setDraft = (id: string, patch: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [id]: { ...(all[id] ?? { mode: 'share', amount: null }), ...patch } }));

  const submit = () =>
    code &&
    save.mutate(
      { code, items: edits.map((d) => ({ districtId: d.districtId, ...(drafts[d.districtId] ?? draftOf(d)) })) },
      { onSuccess: () => void message.success(t('allocation.saved', { count: edits.length })) },
    );

  return (
    <Card
      title={t('allocation.title')}
      data-testid="allocation-page"
      extra={
        <Select
          style={{ width: 320 }}
          value={code}
          loading={definitions.isPending}
          onChange={(value: string) => setParams({ indicator: value })}
          options={targets.map((d) => ({ value: d.code, label: `${d.code} ${locale === 'zh-CN' ? d.nameZh : d.nameEn}` }))}
          data-testid="allocation-indicator"
          showSearch={{ optionFilterProp: 'label' }}
        />
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('allocation.help')}
        </Typography.Paragraph>
        {allocations.error && <ApiErrorAlert error={allocations.error} />}
        {save.error && <ApiErrorAlert error={save.error} showReason />}
        {data && (
          <Space size="large" wrap data-testid="allocation-summary">
            <span>
              {t('allocation.cityTarget')}: {formatNumber(data.cityTarget)} {unit}
            </span>
            <span>
              {t('allocation.allocatedTotal')}: {formatNumber(Math.round(total * 100) / 100)} {unit}
            </span>
            {total > data.cityTarget && <StatusTag tone="attention">{t('allocation.overAllocated')}</StatusTag>}
          </Space>
        )}
        <Table<District>
          size="small"
          rowKey="districtId"
          pagination={false}
          loading={allocations.isPending && Boolean(code)}
          dataSource={data?.districts ?? []}
          data-testid="allocation-table"
          columns={[
            { title: t('allocation.district'), key: 'name', render: (_, d) => nameOf(d) },
            {
              title: t('allocation.mode'),
              key: 'mode',
              width: 140,
              render: (_, d) => (
                <Select<AllocationMode>
                  size="small"
                  style={{ width: 120 }}
                  disabled={!writable}
                  value={drafts[d.districtId]?.mode ?? 'share'}
                  onChange={(mode) => setDraft(d.districtId, { mode })}
                  options={ALLOCATION_MODES.map((m) => ({ value: m, label: t(`allocation.modes.${m}`) }))}
                  data-testid={`allocation-mode-${d.divisionCode}`}
                />
              ),
            },
            {
              title: t('allocation.amount'),
              key: 'amount',
              width: 180,
              render: (_, d) => {
                const draft = drafts[d.districtId];
                return (
                  <InputNumber<number>
                    size="small"
                    style={{ width: 160 }}
                    min={0}
                    max={draft?.mode === 'share' ? 100 : undefined}
                    disabled={!writable}
                    value={draft?.amount ?? null}
                    onChange={(amount) => setDraft(d.districtId, { amount: amount ?? null })}
                    suffix={draft?.mode === 'share' ? '%' : unit}
                    placeholder={t('allocation.none')}
                    data-testid={`allocation-amount-${d.divisionCode}`}
                  />
                );
              },
            },
            {
              title: t('allocation.districtTarget'),
              key: 'target',
              align: 'right',
              render: (_, d) => {
                const target = targetOf(drafts[d.districtId]);
                return target === null ? (
                  <StatusTag tone="closed">{t('indicatorStatuses.unallocated')}</StatusTag>
                ) : (
                  <span data-testid={`allocation-target-${d.divisionCode}`}>
                    {formatNumber(target)} {unit}
                  </span>
                );
              },
            },
            {
              title: t('allocation.version'),
              key: 'version',
              render: (_, d) =>
                d.allocation ? (
                  <Typography.Text type="secondary">
                    v{d.allocation.version} · {d.allocation.by} · {formatDateTime(d.allocation.at)}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
          ]}
        />
        {writable && (
          <Flex justify="end">
            <Button type="primary" disabled={edits.length === 0} loading={save.isPending} onClick={submit} data-testid="allocation-save">
              {t('allocation.save')}
            </Button>
          </Flex>
        )}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('allocation.history')}
        </Typography.Title>
        <Table
          size="small"
          rowKey={(h) => `${h.districtId}-${h.version}`}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={data?.history ?? []}
          data-testid="allocation-history"
          columns={[
            { title: t('allocation.district'), key: 'district', render: (_, h) => districtName.get(h.districtId) ?? '—' },
            { title: t('allocation.version'), dataIndex: 'version', key: 'version', render: (v: number) => `v${v}` },
            {
              title: t('allocation.amount'),
              key: 'amount',
              render: (_, h) =>
                h.mode === null || h.amount === null
                  ? t('allocation.removed')
                  : `${t(`allocation.modes.${h.mode}`)} ${formatNumber(h.amount)}${h.mode === 'share' ? '%' : ` ${unit}`}`,
            },
            { title: t('allocation.by'), dataIndex: 'by', key: 'by' },
            { title: t('allocation.at'), dataIndex: 'at', key: 'at', render: (at: string) => formatDateTime(at) },
          ]}
        />
      </Flex>
    </Card>
  );
}
