import type { Form, FormAction, RuleResult } from '@suilian/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Modal,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useMe } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { DistrictSelect } from '../../shared/districts';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatNumber } from '../../shared/format';
import { StatusTag, type StatusTone } from '../../shared/StatusTag';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { lastMonth, monthLabel, useFormAction, useReportForm, useSaveForm } from './hooks';
import { TransferButtons } from './TransferButtons';

type Cell = Form['cells'][number];
type Draft = Record<string, { value: string | null; comment: string | null }>;

const STATE_TONES: Record<Form['state'], StatusTone> = {
  open: 'progress',
  completed: 'attention',
  approved: 'progress',
  accepted: 'done',
};

const RULE_TONES: Record<RuleResult['status'], StatusTone> = { passed: 'done', failed: 'failed', skipped: 'closed' };

/** A tiny line of the last 12 periods (gaps where nothing was reported). */
function HistoryLine({ history }: { history: Cell['history'] }) {
  const points = history.map((h, i) => ({ i, v: h.value === null ? null : Number(h.value) }));
  const nums = points.filter((p): p is { i: number; v: number } => p.v !== null && Number.isFinite(p.v));
  if (nums.length < 2) return <Typography.Text type="secondary">—</Typography.Text>;
  const min = Math.min(...nums.map((p) => p.v));
  const max = Math.max(...nums.map((p) => p.v));
  const w = 96;
  const h = 22;
  const x = (i: number) => (i / Math.max(1, history.length - 1)) * (w - 4) + 2;
  const y = (v: number) => (max === min ? h / 2 : h - 2 - ((v - min) / (max - min)) * (h - 4));
  const title = history.map((p) => `${monthLabel(p.period)}: ${p.value ?? '—'}`).join('\n');
  return (
    <Tooltip title={<pre style={{ margin: 0, fontSize: 11 }}>{title}</pre>}>
      <svg width={w} height={h} data-testid="cell-history" role="img" aria-label={title}>
        <title>{title}</title>
        <polyline
          fill="none"
          stroke="#1677ff"
          strokeWidth={1.5}
          points={nums.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}
        />
      </svg>
    </Tooltip>
  );
}

function LockAlert({ form }: { form: Form }) {
  const { t } = useTranslation();
  const e = form.entry;
  if (e.open) {
    if (!e.deadline) return null;
    return (
      <Alert
        type="info"
        showIcon
        data-testid="entry-open"
        title={
          e.byException
            ? t('reporting.openByException', { date: formatDate(e.deadline) })
            : t('reporting.deadline', { date: formatDate(e.deadline) })
        }
      />
    );
  }
  const text = t(`reporting.locked.${e.reason}`, { since: formatDate(e.since ?? null), until: formatDate(e.until ?? null) });
  return <Alert type="warning" showIcon data-testid="entry-locked" title={text} />;
}

function ValidationList({ results }: { results: RuleResult[] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      bordered
      data-testid="validation-results"
      header={<Typography.Text strong>{t('reporting.validation')}</Typography.Text>}
      dataSource={results}
      renderItem={(r) => (
        <List.Item data-testid={`rule-${r.rule}`} data-status={r.status}>
          <Space wrap>
            <StatusTag tone={RULE_TONES[r.status]}>{t(`reporting.ruleStatuses.${r.status}`)}</StatusTag>
            <Typography.Text code>{r.rule}</Typography.Text>
            <Typography.Text>{r.message}</Typography.Text>
            {(r.left !== null || r.right !== null) && (
              <Typography.Text type="secondary">
                ({formatNumber(r.left)} / {formatNumber(r.right)})
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

function validationOf(error: unknown): RuleResult[] | null {
  if (!(error instanceof ApiError)) return null;
  const v = (error.details as { validation?: unknown } | undefined)?.validation;
  return Array.isArray(v) ? (v as RuleResult[]) : null;
}

/** 月度报送: a district's monthly report — enter, complete, approve (district); accept or return (city). */
export default function ReportingPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const me = useMe();
  const can = (p: (typeof me.permissions)[number]) => me.permissions.includes(p);
  const isCity = me.orgKind === 'city';
  const [filters, setFilters] = useUrlFilters(['period', 'district'] as const);
  const period = filters.period && /^\d{6}$/.test(filters.period) ? filters.period : lastMonth();
  const orgUnit = isCity ? filters.district : undefined;
  const enabled = !isCity || Boolean(orgUnit);
  const query = useReportForm(period, orgUnit, enabled);
  const form = enabled ? query.data : undefined;
  const save = useSaveForm(period, orgUnit);
  const act = useFormAction(period, orgUnit);
  const [draft, setDraft] = useState<Draft>({});
  const [validation, setValidation] = useState<RuleResult[] | null>(null);
  const [reasonFor, setReasonFor] = useState<FormAction | null>(null);
  const [reason, setReason] = useState('');

  // A new form (another period, district or version) replaces what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new form object (structurally shared) means new server values
  useEffect(() => {
    setDraft({});
  }, [form]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the form changes
  useEffect(() => {
    setValidation(null);
    save.reset();
    act.reset();
  }, [period, orgUnit]);

  const editable = Boolean(form && form.entry.open && form.state === 'open' && can('report:enter'));
  const dirty = Object.keys(draft).length > 0;
  const cellValue = (c: Cell) => (c.element in draft ? draft[c.element]?.value : c.value) ?? null;
  const commentOf = (c: Cell) => (c.element in draft ? draft[c.element]?.comment : c.comment) ?? null;
  const edit = (c: Cell, patch: Partial<Draft[string]>) =>
    setDraft((d) => ({ ...d, [c.element]: { value: cellValue(c), comment: commentOf(c), ...d[c.element], ...patch } }));

  const rows = useMemo(() => {
    if (!form) return [];
    const sections = [...new Set(form.cells.map((c) => c.section))];
    return sections.map((s) => ({
      key: `section:${s}`,
      section: s,
      children: form.cells.filter((c) => c.section === s).map((c) => ({ key: c.element, cell: c })),
    }));
  }, [form]);

  async function doSave(): Promise<boolean> {
    if (!form || !dirty) return true;
    const values = Object.entries(draft).map(([element, d]) => ({ element, value: d.value, comment: d.comment }));
    try {
      await save.mutateAsync({ values });
      message.success(t('reporting.saved'));
      return true;
    } catch {
      return false;
    }
  }

  async function doAct(action: FormAction, comment?: string) {
    if (!form) return;
    if (action === 'complete' && !(await doSave())) return;
    const version = form.version;
    setValidation(null);
    try {
      const result = await act.mutateAsync({ action, version, comment });
      if (result.validation.length > 0) setValidation(result.validation);
      message.success(t('reporting.done', { action: t(`reporting.actions.${action}`) }));
    } catch (error) {
      setValidation(validationOf(error));
    }
  }

  const buttons: Array<{ action: FormAction; show: boolean; primary?: boolean; needsReason?: boolean }> = form
    ? [
        { action: 'complete', show: form.state === 'open' && form.entry.open && can('report:enter'), primary: true },
        { action: 'uncomplete', show: form.state === 'completed' && can('report:enter') },
        { action: 'approve', show: form.state === 'completed' && can('report:approve'), primary: true },
        { action: 'unapprove', show: form.state === 'approved' && can('report:approve') && !can('report:accept'), needsReason: true },
        { action: 'accept', show: form.state === 'approved' && can('report:accept'), primary: true },
        { action: 'unaccept', show: form.state === 'accepted' && can('report:accept'), needsReason: true },
      ]
    : [];

  const name = (c: Cell) => (locale === 'zh-CN' ? c.nameZh : c.nameEn);
  const actionError = act.error && !validationOf(act.error) ? act.error : null;

  return (
    <Flex vertical gap={16} data-testid="reporting-page">
      <Card
        title={t('reporting.title')}
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${period.slice(0, 4)}-${period.slice(4)}-01`)}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(d) => d && setFilters({ ...filters, period: d.format('YYYYMM') })}
              data-testid="reporting-period"
            />
            {isCity ? (
              <DistrictSelect
                value={filters.district}
                onChange={(next) => setFilters({ ...filters, district: next })}
                placeholder={t('reporting.pickDistrict')}
                style={{ width: 160 }}
                data-testid="reporting-district"
              />
            ) : (
              <Tag color="blue" data-testid="reporting-own-district">
                {me.orgName}
              </Tag>
            )}
          </Space>
        }
      >
        {!enabled && <Empty description={t('reporting.pickDistrictHint')} />}
        {enabled && query.isPending && <Skeleton active />}
        {query.error && <ApiErrorAlert error={query.error} />}
        {form && (
          <Flex vertical gap={12}>
            <TransferButtons period={period} orgUnit={orgUnit} canImport={can('report:enter')} />
            <Flex justify="space-between" align="center" wrap gap={8} data-testid="reporting-status">
              <Space wrap>
                <Typography.Text strong>
                  {form.dataSetName} · {form.orgUnitName} · {monthLabel(form.period)}
                </Typography.Text>
                <StatusTag tone={STATE_TONES[form.state]} data-testid="report-state">
                  {t(`reporting.states.${form.state}`)}
                </StatusTag>
                {form.completedBy && (
                  <Typography.Text type="secondary">{t('reporting.completedBy', { name: form.completedBy })}</Typography.Text>
                )}
                {form.approvedBy && (
                  <Typography.Text type="secondary">{t('reporting.approvedBy', { name: form.approvedBy })}</Typography.Text>
                )}
                {form.acceptedBy && (
                  <Typography.Text type="secondary">{t('reporting.acceptedBy', { name: form.acceptedBy })}</Typography.Text>
                )}
              </Space>
              <Space wrap>
                {editable && (
                  <Button onClick={() => void doSave()} disabled={!dirty} loading={save.isPending} data-testid="report-save">
                    {t('common.save')}
                  </Button>
                )}
                {buttons
                  .filter((b) => b.show)
                  .map((b) => (
                    <Button
                      key={b.action}
                      type={b.primary ? 'primary' : 'default'}
                      danger={b.needsReason}
                      loading={act.isPending && act.variables?.action === b.action}
                      onClick={() => {
                        if (b.needsReason) {
                          setReason('');
                          setReasonFor(b.action);
                        } else void doAct(b.action);
                      }}
                      data-testid={`report-${b.action}`}
                    >
                      {t(`reporting.actions.${b.action}`)}
                    </Button>
                  ))}
              </Space>
            </Flex>
            {form.comment && <Typography.Text type="secondary">{t('reporting.comment', { comment: form.comment })}</Typography.Text>}
            <LockAlert form={form} />
            {save.error && <ApiErrorAlert error={save.error} showReason />}
            {actionError && <ApiErrorAlert error={actionError} showReason />}
            {validation && <ValidationList results={validation} />}
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              data-testid="report-table"
              expandable={{ defaultExpandAllRows: true, expandIcon: () => null, indentSize: 0 }}
              dataSource={rows as Array<{ key: string; section?: string; cell?: Cell; children?: unknown[] }>}
              columns={[
                {
                  title: t('reporting.element'),
                  key: 'name',
                  render: (_, r) =>
                    r.section !== undefined ? (
                      <Typography.Text strong>{r.section}</Typography.Text>
                    ) : r.cell ? (
                      <Tooltip title={r.cell.element}>
                        <span>{name(r.cell)}</span>
                      </Tooltip>
                    ) : null,
                  onCell: (r) => (r.section !== undefined ? { colSpan: 6 } : {}),
                },
                {
                  title: t('reporting.unit'),
                  key: 'unit',
                  width: 64,
                  render: (_, r) => r.cell?.unit,
                  onCell: (r) => (r.section !== undefined ? { colSpan: 0 } : {}),
                },
                {
                  title: t('reporting.value'),
                  key: 'value',
                  width: 180,
                  onCell: (r) => (r.section !== undefined ? { colSpan: 0 } : {}),
                  render: (_, r) => {
                    const c = r.cell;
                    if (!c) return null;
                    const v = cellValue(c);
                    if (!editable)
                      return (
                        <span data-testid={`value-${c.element}`}>
                          {v === null ? '—' : c.valueType === 'text' ? v : formatNumber(Number(v))}
                        </span>
                      );
                    if (c.valueType === 'text' || c.valueType === 'boolean')
                      return (
                        <Input
                          value={v ?? ''}
                          onChange={(e) => edit(c, { value: e.target.value || null })}
                          data-testid={`input-${c.element}`}
                        />
                      );
                    return (
                      <InputNumber
                        style={{ width: '100%' }}
                        value={v === null ? null : v}
                        stringMode
                        min={c.valueType === 'number' ? undefined : '0'}
                        max={c.valueType === 'percentage' ? '100' : undefined}
                        precision={c.valueType === 'integer' ? 0 : undefined}
                        onChange={(n) => edit(c, { value: n === null || n === '' ? null : String(n) })}
                        data-testid={`input-${c.element}`}
                      />
                    );
                  },
                },
                {
                  title: t('reporting.previous'),
                  key: 'previous',
                  width: 120,
                  onCell: (r) => (r.section !== undefined ? { colSpan: 0 } : {}),
                  render: (_, r) => {
                    const prev = r.cell?.history.at(-1)?.value ?? null;
                    if (!r.cell) return null;
                    return (
                      <span data-testid={`previous-${r.cell.element}`}>
                        {prev === null ? '—' : r.cell.valueType === 'text' ? prev : formatNumber(Number(prev))}
                      </span>
                    );
                  },
                },
                {
                  title: t('reporting.history'),
                  key: 'history',
                  width: 120,
                  onCell: (r) => (r.section !== undefined ? { colSpan: 0 } : {}),
                  render: (_, r) => (r.cell ? <HistoryLine history={r.cell.history} /> : null),
                },
                {
                  title: t('reporting.cellComment'),
                  key: 'comment',
                  onCell: (r) => (r.section !== undefined ? { colSpan: 0 } : {}),
                  render: (_, r) => {
                    const c = r.cell;
                    if (!c) return null;
                    return editable ? (
                      <Input
                        value={commentOf(c) ?? ''}
                        placeholder={t('reporting.commentPlaceholder')}
                        onChange={(e) => edit(c, { comment: e.target.value || null })}
                        data-testid={`comment-${c.element}`}
                      />
                    ) : (
                      <Typography.Text type="secondary">{commentOf(c) ?? ''}</Typography.Text>
                    );
                  },
                },
              ]}
            />
          </Flex>
        )}
      </Card>
      <Modal
        open={reasonFor !== null}
        title={reasonFor ? t(`reporting.actions.${reasonFor}`) : ''}
        okButtonProps={{ disabled: !reason.trim(), danger: true, ...{ 'data-testid': 'reason-ok' } }}
        onCancel={() => setReasonFor(null)}
        onOk={() => {
          const action = reasonFor;
          setReasonFor(null);
          if (action) void doAct(action, reason.trim());
        }}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('reporting.reasonPlaceholder')}
          data-testid="reason-input"
        />
      </Modal>
    </Flex>
  );
}
