import type { Form, RuleResult } from '@suilian/contracts';
import { Alert, List, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { formatDate, formatNumber } from '../../shared/format';
import { reasonText } from '../../shared/reason-text';
import { StatusTag, type StatusTone } from '../../shared/StatusTag';
import { monthLabel } from './hooks';

type Cell = Form['cells'][number];

const RULE_TONES: Record<RuleResult['status'], StatusTone> = { passed: 'done', failed: 'failed', skipped: 'closed' };

/** A tiny line of the last 12 periods (gaps where nothing was reported). */
export function HistoryLine({ history }: { history: Cell['history'] }) {
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

export function LockAlert({ form }: { form: Form }) {
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

export function ValidationList({ results }: { results: RuleResult[] }) {
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
            {/* The worded reason names the rule; its code only when there is none (issue #12 item 3). */}
            {reasonText(t, r.reason) ?? (
              <Typography.Text code translate="no">
                {r.rule}
              </Typography.Text>
            )}
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

/** The validation results a refused completion carries, or null. */
export function validationOf(error: unknown): RuleResult[] | null {
  if (!(error instanceof ApiError)) return null;
  const v = (error.details as { validation?: unknown } | undefined)?.validation;
  return Array.isArray(v) ? (v as RuleResult[]) : null;
}
