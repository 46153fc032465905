import { API, type FormQueueRow, REGISTRATION_STATES } from '@suilian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/endpoints';
import { BatchBar, BatchProgress, BatchResultList, useChunkedBatch } from '../../shared/BatchBar';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { DATA_SET, monthLabel } from './hooks';

type Step = 'accept' | 'unapprove';

/** The city's 待接收 queue for one period: every district's form, batch accept or return with a comment (#12 item 7). */
export function FormQueueCard({ period }: { period: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const qc = useQueryClient();
  const batch = useChunkedBatch();
  const [state, setState] = useState<FormQueueRow['state'] | undefined>('approved');
  const [selected, setSelected] = useState<FormQueueRow[]>([]);
  const [comment, setComment] = useState('');
  const query = { dataSet: DATA_SET, period, state };
  const list = useQuery({
    queryKey: ['reporting', 'queue', query],
    queryFn: () => call(API.listReportForms, { query }),
    placeholderData: keepPreviousData,
  });
  const q = (key: string) => t(`reporting.queue.${key}` as 'reporting.queue.title');

  const apply = async (action: Step) => {
    try {
      const result = await batch.run(selected, (rows) =>
        call(API.transitionReportForms, {
          body: {
            dataSet: DATA_SET,
            period,
            action,
            comment: comment.trim() || undefined,
            rows: rows.map((r) => ({ orgUnit: r.orgUnit, version: r.version })),
          },
        }),
      );
      const names = new Map(selected.map((r) => [r.orgUnit, `${r.orgUnitName} · ${monthLabel(period)}`]));
      modal.info({
        title: `${t('details.batch.resultTitle')}：${q(action === 'accept' ? 'accept' : 'return')}`,
        width: 600,
        content: <BatchResultList result={result} label={(id) => names.get(id) ?? id} />,
      });
      setSelected([]);
      setComment('');
    } catch (error) {
      notifyError(error);
    } finally {
      void qc.invalidateQueries({ queryKey: ['reporting'] });
      void qc.invalidateQueries({ queryKey: ['indicators'] });
    }
  };

  const columns: TableColumnsType<FormQueueRow> = [
    { title: q('district'), dataIndex: 'orgUnitName', key: 'district' },
    { title: q('state'), key: 'state', render: (_v, r) => t(`reporting.states.${r.state}`) },
    { title: q('submitter'), dataIndex: 'completedBy', key: 'completedBy', render: (v) => v ?? '—' },
    { title: q('approver'), dataIndex: 'approvedBy', key: 'approvedBy', render: (v) => v ?? '—' },
    { title: q('approvedAt'), dataIndex: 'approvedAt', key: 'approvedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
  ];
  const commentMissing = comment.trim() === '';

  return (
    <Card title={`${q('title')} · ${monthLabel(period)}`} data-testid="form-queue">
      <Flex vertical gap={12}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text type="secondary">{q('hint')}</Typography.Text>
          <Select
            value={state ?? 'all'}
            onChange={(v) => {
              setState(v === 'all' ? undefined : (v as FormQueueRow['state']));
              setSelected([]);
            }}
            options={[
              { value: 'all', label: q('allStates') },
              ...REGISTRATION_STATES.map((s) => ({ value: s, label: t(`reporting.states.${s}`) })),
            ]}
            style={{ width: 140 }}
            data-testid="form-queue-state"
          />
        </Flex>
        {list.error && <ApiErrorAlert error={list.error} />}
        <BatchBar count={selected.length} onClear={() => setSelected([])}>
          <Space wrap>
            <Button type="primary" loading={batch.progress !== null} onClick={() => apply('accept')} data-testid="form-batch-accept">
              {q('accept')}
            </Button>
            <Input
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t('details.batch.commentRequired')}
              maxLength={2000}
              style={{ width: 260 }}
              data-testid="form-batch-comment"
            />
            <Button
              danger
              disabled={commentMissing}
              loading={batch.progress !== null}
              onClick={() => apply('unapprove')}
              data-testid="form-batch-return"
            >
              {q('return')}
            </Button>
            <BatchProgress progress={batch.progress} />
          </Space>
        </BatchBar>
        <Table<FormQueueRow>
          rowKey="orgUnit"
          size="small"
          columns={columns}
          dataSource={list.data}
          loading={list.isFetching}
          pagination={false}
          rowSelection={{
            selectedRowKeys: selected.map((r) => r.orgUnit),
            getCheckboxProps: (r) => ({ disabled: r.state !== 'approved' }),
            onChange: (_keys, rows) => setSelected(rows.filter((r): r is FormQueueRow => r !== undefined)),
          }}
          data-testid="form-queue-table"
        />
      </Flex>
    </Card>
  );
}
