import type { BatchResult } from '@suilian/contracts';
import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { errorText, refusalText } from './errors';

/** The bar above a table with selected rows: how many, the batch controls, and a way to clear the selection. */
export function BatchBar({ count, onClear, children }: { count: number; onClear: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Alert
      type="info"
      data-testid="batch-bar"
      title={
        <Space wrap>
          <Typography.Text strong>{t('details.batch.selected', { n: count })}</Typography.Text>
          {children}
          <Button type="link" onClick={onClear} data-testid="batch-clear">
            {t('details.batch.clear')}
          </Button>
        </Space>
      }
    />
  );
}

/** Why one row was not done, in the user's language (the refusal's rule when worded, else the error code's sentence). */
export function batchRowError(t: Parameters<typeof errorText>[0], error: NonNullable<BatchResult['results'][number]['error']>): string {
  const apiError = new ApiError(error.status, error.code, error.message, null, error.details);
  return refusalText(t, apiError) ?? errorText(t, apiError);
}

/** The per-row outcome of a batch action (partial success shown row by row); `label` names a row for people. */
export function BatchResultList({ result, label }: { result: BatchResult; label: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="batch-result">
      <Typography.Text strong data-testid="batch-summary">
        {result.failed === 0
          ? t('details.batch.allDone', { ok: result.succeeded })
          : t('details.batch.summary', { ok: result.succeeded, failed: result.failed })}
      </Typography.Text>
      <List
        size="small"
        dataSource={result.results}
        renderItem={(row) => (
          <List.Item data-testid={`batch-row-${row.ok ? 'ok' : 'failed'}`}>
            <Space>
              <Tag color={row.ok ? 'green' : 'red'}>{row.ok ? t('details.batch.rowOk') : t('details.batch.rowFailed')}</Tag>
              <Typography.Text>{label(row.id)}</Typography.Text>
              {row.error && <Typography.Text type="danger">{batchRowError(t, row.error)}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
