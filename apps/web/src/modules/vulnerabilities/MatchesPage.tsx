import { SyncOutlined } from '@ant-design/icons';
import { API, type Match, RematchResultSchema } from '@suilian/contracts';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Radio,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { ExportButton } from '../../shared/ExportButton';
import { ApiErrorAlert, applyFormErrors, useNotifyError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useJob } from '../../shared/jobs';
import { SourceText } from '../../shared/SourceText';
import { pagination, useTableState } from '../../shared/useTableState';
import { Reasons } from './FindingDrawer';
import { useMatches, useRematch, useReviewMatch } from './hooks';
import { GradeTag } from './labels';
import { MatchBatchActions } from './MatchBatchActions';

const VERDICT_COLOURS = { affected: 'red', needs_review: 'orange', not_affected: 'default' } as const;

/** A full re-match as a job, its progress and counts. */
function Rematch() {
  const { t } = useTranslation();
  const start = useRematch();
  const notifyError = useNotifyError();
  const [jobId, setJobId] = useState<string>();
  const job = useJob(jobId);
  const parsed = job.data?.status === 'succeeded' ? RematchResultSchema.safeParse(job.data.result) : null;
  const r = parsed?.success ? parsed.data : null;
  const running = jobId !== undefined && job.data?.status !== 'succeeded' && job.data?.status !== 'failed';
  return (
    <Flex gap={8} align="center">
      {running && (
        <Progress type="circle" size={28} percent={job.data?.total ? Math.floor((job.data.progress / job.data.total) * 100) : 0} />
      )}
      {r && (
        <Typography.Text type="secondary">
          {t('vulnerabilities.matches.rematchDone', {
            ...r,
            review: r.needsReview,
            created: r.findingsCreated,
            reopened: r.findingsReopened,
          })}
        </Typography.Text>
      )}
      <Button
        icon={<SyncOutlined />}
        loading={start.isPending || running}
        onClick={() => start.mutate(undefined, { onSuccess: (j) => setJobId(j.id), onError: notifyError })}
      >
        {t('vulnerabilities.matches.rematch')}
      </Button>
    </Flex>
  );
}

/** 匹配研判: what the matcher could not decide (needs review) for analysts to decide, and every match with its reasons. */
export default function MatchesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const table = useTableState();
  const [view, setView] = useState<'queue' | 'all' | 'excluded'>('queue');
  // 已排除: products the matcher recognised and judged not affected (fixed, outside the range), with why (#13 item 3).
  const filters =
    view === 'queue' ? { verdict: 'needs_review', reviewed: 'false' } : view === 'excluded' ? { verdict: 'not_affected' } : {};
  const { data, isFetching, error } = useMatches(table, filters);
  const review = useReviewMatch();
  const [form] = Form.useForm<{ verdict: 'affected' | 'not_affected'; note?: string }>();
  const [deciding, setDeciding] = useState<Match | null>(null);
  // Rows chosen for a batch review, kept across pages (#12 item 7).
  const [selected, setSelected] = useState<Match[]>([]);
  const m = (key: string) => t(`vulnerabilities.matches.${key}` as 'vulnerabilities.matches.title');
  const manage = can('vuln:manage');

  const columns: TableColumnsType<Match> = [
    {
      title: t('vulnerabilities.findings.vulnerability'),
      key: 'vuln',
      render: (_v, r) => (
        <Flex vertical>
          <Typography.Text strong>
            {r.vulnerabilityKey} <GradeTag grade={r.grade} />
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 280 }}>
            {r.vulnerabilityTitle === r.vulnerabilityKey ? '' : r.vulnerabilityTitle}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('vulnerabilities.findings.asset'),
      key: 'asset',
      render: (_v, r) => (
        <Flex vertical>
          <SourceText>
            {r.asset.vendor} {r.asset.product} {r.asset.model ?? ''} {r.asset.firmwareVersion ?? ''}
          </SourceText>
          <Typography.Text type="secondary">{r.enterpriseName}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: m('verdict'),
      dataIndex: 'verdict',
      key: 'verdict',
      render: (v: Match['verdict']) => <Tag color={VERDICT_COLOURS[v]}>{t(`vulnerabilities.verdicts.${v}`)}</Tag>,
    },
    { title: m('reasons'), dataIndex: 'reasons', key: 'reasons', render: (r: Match['reasons']) => <Reasons reasons={r} /> },
    {
      title: m('review'),
      key: 'review',
      render: (_v, r) =>
        r.reviewVerdict ? (
          <Flex vertical>
            <Tag color={VERDICT_COLOURS[r.reviewVerdict]}>{t(`vulnerabilities.verdicts.${r.reviewVerdict}`)}</Tag>
            {r.reviewNote && <Typography.Text type="secondary">{r.reviewNote}</Typography.Text>}
          </Flex>
        ) : manage && r.verdict === 'needs_review' ? (
          <Button
            size="small"
            onClick={() => {
              form.resetFields();
              setDeciding(r);
            }}
            data-testid="match-decide"
          >
            {m('decide')}
          </Button>
        ) : (
          '—'
        ),
    },
    { title: m('at'), dataIndex: 'matchedAt', key: 'matchedAt', width: 140, render: formatDateTime },
  ];

  return (
    <Card
      title={m('title')}
      data-testid="matches-page"
      extra={
        <Space>
          <ExportButton endpoint={API.exportMatches} filters={{ sort: table.sort, ...filters }} testId="match-export" />
          {manage && <Rematch />}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Segmented
          value={view}
          onChange={(v) => {
            setView(v as 'queue' | 'all' | 'excluded');
            setSelected([]);
            table.resetPage();
          }}
          options={[
            { value: 'queue', label: m('queue') },
            { value: 'all', label: m('all') },
            { value: 'excluded', label: m('excluded') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {error && <ApiErrorAlert error={error} />}
        {manage && <MatchBatchActions selected={selected} onClear={() => setSelected([])} />}
        <Table<Match>
          rowKey="id"
          rowSelection={
            manage
              ? {
                  selectedRowKeys: selected.map((r) => r.id),
                  preserveSelectedRowKeys: true,
                  // Only undecided matches are reviewed; the others cannot be chosen.
                  getCheckboxProps: (r) => ({ disabled: r.verdict !== 'needs_review' }),
                  onChange: (_keys, rows) => setSelected(rows.filter((r): r is Match => r !== undefined)),
                }
              : undefined
          }
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={table.onChange}
          pagination={pagination(table, data?.total, (total) => t('vulnerabilities.common.total', { total }))}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={m('empty')} /> }}
          data-testid="match-table"
        />
      </Flex>
      <Modal
        open={deciding !== null}
        title={m('decideTitle')}
        onCancel={() => setDeciding(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: review.isPending }}
        destroyOnHidden
      >
        {deciding && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={`${deciding.vulnerabilityKey} · ${deciding.asset.vendor} ${deciding.asset.product} ${deciding.asset.firmwareVersion ?? ''}`}
            description={<Reasons reasons={deciding.reasons} />}
          />
        )}
        {review.error && <ApiErrorAlert error={review.error} showReason style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            if (!deciding) return;
            review.mutate(
              { id: deciding.id, body: { verdict: v.verdict, note: v.note?.trim() || null } },
              { onSuccess: () => setDeciding(null), onError: (e) => applyFormErrors(form, e, t) },
            );
          }}
        >
          <Form.Item name="verdict" label={m('review')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'affected', label: t('vulnerabilities.verdicts.affected') },
                { value: 'not_affected', label: t('vulnerabilities.verdicts.not_affected') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('vulnerabilities.common.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
