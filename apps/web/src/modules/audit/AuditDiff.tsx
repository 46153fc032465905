import { Empty, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../../shared/issues';
import { auditDiff, type DiffRow } from './diff';

const CELL: React.CSSProperties = { whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 };

/** An audit entry's before/after as a table of fields, changed values marked (issue #12 item 7). */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = auditDiff(before, after);
  const [changedOnly, setChangedOnly] = useState(true);
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noDetails')} />;
  const shown = changedOnly && rows.some((r) => r.changed) ? rows.filter((r) => r.changed) : rows;
  const value = (v: string | undefined, row: DiffRow, side: 'before' | 'after') => {
    if (v === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
    if (!row.changed) return <span style={CELL}>{v}</span>;
    return (
      <Typography.Text style={CELL} type={side === 'before' ? 'danger' : 'success'} delete={side === 'before' && row.after !== undefined}>
        {v}
      </Typography.Text>
    );
  };
  return (
    <>
      <Switch size="small" checked={changedOnly} onChange={setChangedOnly} data-testid="audit-diff-changed-only" />{' '}
      <Typography.Text type="secondary">{t('audit.changedOnly')}</Typography.Text>
      <Table<DiffRow>
        size="small"
        rowKey="path"
        pagination={false}
        dataSource={shown}
        style={{ marginTop: 8 }}
        data-testid="audit-diff"
        columns={[
          {
            title: t('audit.field'),
            dataIndex: 'path',
            width: 200,
            render: (p: string) => {
              const label = fieldLabel(t, p);
              return label === p ? (
                <Typography.Text code translate="no">
                  {p}
                </Typography.Text>
              ) : (
                <span title={p}>{label}</span>
              );
            },
          },
          { title: t('audit.before'), key: 'before', render: (_, r) => value(r.before, r, 'before') },
          { title: t('audit.after'), key: 'after', render: (_, r) => value(r.after, r, 'after') },
        ]}
      />
    </>
  );
}
