import type { Form, FormAction, RuleResult } from '@suilian/contracts';
import { App, Button, Card, DatePicker, Empty, Flex, Input, Modal, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { DistrictSelect } from '../../shared/districts';
import { ApiErrorAlert } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { StatusTag, type StatusTone } from '../../shared/StatusTag';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { cellProblem, serverCellProblems } from './cellValidation';
import { HistoryLine, LockAlert, ValidationList, validationOf } from './FormParts';
import { FormQueueCard } from './FormQueueCard';
import { lastMonth, monthLabel, useFormAction, useReportForm, useSaveForm } from './hooks';
import { TransferButtons } from './TransferButtons';
import { SaveOutcome, type SaveOutcomeKind, ValueInput } from './ValueCell';

type Cell = Form['cells'][number];
type Draft = Record<string, { value: string | null; comment: string | null }>;

const STATE_TONES: Record<Form['state'], StatusTone> = {
  open: 'progress',
  completed: 'attention',
  approved: 'progress',
  accepted: 'done',
};

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
  // What the last save or submit did, and the cells the server refused (issue #12 item 4).
  const [outcome, setOutcome] = useState<{ kind: SaveOutcomeKind; count: number } | null>(null);
  const [refusedCells, setRefusedCells] = useState<Record<string, string>>({});

  // A new form (another period, district or version) replaces what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new form object (structurally shared) means new server values
  useEffect(() => {
    setDraft({});
  }, [form]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the form changes
  useEffect(() => {
    setValidation(null);
    setOutcome(null);
    setRefusedCells({});
    save.reset();
    act.reset();
  }, [period, orgUnit]);

  const editable = Boolean(form && form.entry.open && form.state === 'open' && can('report:enter'));
  const dirty = Object.keys(draft).length > 0;
  const cellValue = (c: Cell) => (c.element in draft ? draft[c.element]?.value : c.value) ?? null;
  const commentOf = (c: Cell) => (c.element in draft ? draft[c.element]?.comment : c.comment) ?? null;
  const edit = (c: Cell, patch: Partial<Draft[string]>) => {
    setDraft((d) => ({ ...d, [c.element]: { value: cellValue(c), comment: commentOf(c), ...d[c.element], ...patch } }));
    if ('value' in patch) setRefusedCells(({ [c.element]: _, ...rest }) => rest);
  };
  const problems: Record<string, string> = { ...refusedCells };
  for (const c of form?.cells ?? []) {
    const problem = c.element in draft ? cellProblem(t, c.valueType, cellValue(c)) : null;
    if (problem) problems[c.element] = problem;
  }

  const rows = useMemo(() => {
    if (!form) return [];
    const sections = [...new Set(form.cells.map((c) => c.section))];
    return sections.map((s) => ({
      key: `section:${s}`,
      section: s,
      children: form.cells.filter((c) => c.section === s).map((c) => ({ key: c.element, cell: c })),
    }));
  }, [form]);

  // A refusal stays on screen while any cell still breaks its rule, with the current count.
  const problemCount = Object.keys(problems).length;
  const refusedShown = outcome?.kind === 'refused' || outcome?.kind === 'refusedSubmit';
  const shownOutcome = refusedShown ? (problemCount > 0 && outcome ? { ...outcome, count: problemCount } : null) : outcome;

  /** Saves the typed values as typed; a value breaking its rule refuses the save, nothing is sent. */
  async function doSave(submitting = false): Promise<boolean> {
    if (!form || !dirty) return true;
    const refused = submitting ? 'refusedSubmit' : 'refused';
    const local = Object.keys(problems).length;
    if (local > 0) {
      setOutcome({ kind: refused, count: local });
      return false;
    }
    const values = Object.entries(draft).map(([element, d]) => ({ element, value: d.value, comment: d.comment }));
    try {
      await save.mutateAsync({ values });
      setOutcome({ kind: 'saved', count: 0 });
      message.success(t('reporting.saved'));
      return true;
    } catch (error) {
      const cells = serverCellProblems(
        t,
        error,
        values.map((v) => v.element),
      );
      setRefusedCells(cells);
      setOutcome(Object.keys(cells).length > 0 ? { kind: refused, count: Object.keys(cells).length } : null);
      return false;
    }
  }

  async function doAct(action: FormAction, comment?: string) {
    if (!form) return;
    if (action === 'complete' && !(await doSave(true))) return;
    const version = form.version;
    setValidation(null);
    try {
      const result = await act.mutateAsync({ action, version, comment });
      if (result.validation.length > 0) setValidation(result.validation);
      setOutcome(action === 'complete' ? { kind: 'submitted', count: 0 } : null);
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
                {isCity && form.state === 'open' && form.entry.open && (
                  <Typography.Text type="warning" data-testid="report-on-behalf-notice">
                    {t('reporting.onBehalfNotice', { district: form.orgUnitName })}
                  </Typography.Text>
                )}
                {form.completedOnBehalf && (
                  <Tag color="orange" data-testid="report-on-behalf">
                    {t('reporting.onBehalf')}
                  </Tag>
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
            <SaveOutcome outcome={shownOutcome} unsaved={Object.keys(draft).length} />
            {save.error && Object.keys(refusedCells).length === 0 && <ApiErrorAlert error={save.error} showReason />}
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
                    // Counted from the network records for this period (issue #14): shown, not asked.
                    if (c.recorded)
                      return (
                        <Tooltip title={t('reporting.recordedHint')}>
                          <Tag color="blue" data-testid={`recorded-${c.element}`}>
                            {t('reporting.recorded', { value: formatNumber(c.recorded.value) })}
                          </Tag>
                        </Tooltip>
                      );
                    if (!editable)
                      return (
                        <span data-testid={`value-${c.element}`}>
                          {v === null ? '—' : c.valueType === 'text' ? v : formatNumber(Number(v))}
                        </span>
                      );
                    return <ValueInput cell={c} value={v} problem={problems[c.element] ?? null} onChange={(value) => edit(c, { value })} />;
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
      {isCity && can('report:accept') && <FormQueueCard period={period} />}
    </Flex>
  );
}
