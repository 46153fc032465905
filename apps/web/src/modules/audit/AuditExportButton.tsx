import { DownloadOutlined } from '@ant-design/icons';
import { API, type AuditEntry } from '@suilian/contracts';
import { App, Button } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, urlQuery } from '../../api/endpoints';
import { useNotifyError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import type { AuditFilters } from './hooks';
import { actionLabel, entityLabel } from './names';

/** At most this many entries go into one file; the page asks for fewer when there are more. */
const MAX_ROWS = 10_000;
const PAGE = 200;

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The entries as CSV (UTF-8 with BOM, so Excel opens the Chinese): names for people, codes beside them. */
export function auditCsv(t: TFunction, entries: AuditEntry[]): string {
  const header = [
    t('audit.seq'),
    t('audit.occurredAt'),
    t('audit.actor'),
    t('audit.action'),
    t('audit.entityType'),
    t('audit.entityId'),
    t('audit.clientIp'),
    t('audit.actionCode'),
    t('audit.entityCode'),
  ];
  const lines = entries.map((e) =>
    [
      e.seq,
      formatDateTime(e.occurredAt),
      e.actorName,
      actionLabel(t, e.action),
      entityLabel(t, e.entityType),
      e.entityId,
      e.clientIp,
      e.action,
      e.entityType,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}

/** 导出: the whole filtered list (not only the page shown), newest first, as a CSV file. */
export function AuditExportButton({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [progress, setProgress] = useState<string | null>(null);
  const run = async () => {
    const entries: AuditEntry[] = [];
    try {
      for (let page = 1; entries.length < MAX_ROWS; page++) {
        const query = urlQuery(API.listAuditEntries, { page, pageSize: PAGE, sort: '-seq', ...filters });
        const res = await call(API.listAuditEntries, { query });
        entries.push(...res.items);
        setProgress(t('audit.exporting', { done: entries.length, total: res.total }));
        if (res.items.length < PAGE || entries.length >= res.total) break;
      }
      const capped = entries.length >= MAX_ROWS;
      const url = URL.createObjectURL(new Blob([auditCsv(t, entries.slice(0, MAX_ROWS))], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${t('audit.exportFile')}-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      URL.revokeObjectURL(url);
      if (capped) message.warning(t('audit.exportCapped', { count: MAX_ROWS }));
    } catch (error) {
      notify(error);
    } finally {
      setProgress(null);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={progress !== null} onClick={run} data-testid="audit-export">
      {progress ?? t('audit.export')}
    </Button>
  );
}
