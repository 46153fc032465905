import type { BatchResult } from '@suilian/contracts';
import { Alert, Button, List, Progress, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
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

/** Rows per request of a long batch: each request answers quickly and the bar moves (#12 item 7). */
export const BATCH_CHUNK = 20;

/** Sends `rows` in chunks of BATCH_CHUNK, one request each, merging the per-row results. */
export async function runInChunks<R>(
  rows: readonly R[],
  send: (chunk: R[]) => Promise<BatchResult>,
  onProgress: (done: number) => void,
): Promise<BatchResult> {
  const merged: BatchResult = { succeeded: 0, failed: 0, results: [] };
  for (let start = 0; start < rows.length; start += BATCH_CHUNK) {
    const part = await send(rows.slice(start, start + BATCH_CHUNK));
    merged.succeeded += part.succeeded;
    merged.failed += part.failed;
    merged.results.push(...part.results);
    onProgress(Math.min(rows.length, start + BATCH_CHUNK));
  }
  return merged;
}

/** A chunked batch's state: `run` sends the rows, `progress` is shown while it runs. */
export function useChunkedBatch() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const run = async <R,>(rows: readonly R[], send: (chunk: R[]) => Promise<BatchResult>): Promise<BatchResult> => {
    setProgress({ done: 0, total: rows.length });
    try {
      return await runInChunks(rows, send, (done) => setProgress({ done, total: rows.length }));
    } finally {
      setProgress(null);
    }
  };
  return { run, progress };
}

/** How far a long batch has got (shown only when it takes more than one request). */
export function BatchProgress({ progress }: { progress: { done: number; total: number } | null }) {
  const { t } = useTranslation();
  if (!progress || progress.total <= BATCH_CHUNK) return null;
  return (
    <Space data-testid="batch-progress">
      <Progress percent={Math.floor((progress.done / progress.total) * 100)} size="small" style={{ width: 160 }} />
      <Typography.Text type="secondary">{t('details.batch.progress', progress)}</Typography.Text>
    </Space>
  );
}
