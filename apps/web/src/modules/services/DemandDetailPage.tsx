import { ArrowLeftOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { API, type Demand, type SolutionMatch } from '@suilian/contracts';
import { App, Button, Card, Descriptions, type DescriptionsProps, Empty, Flex, List, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { urlOf } from '../../api/endpoints';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { DemandFormDrawer } from './DemandFormDrawer';
import { useCreateLead, useDemand, useDemandMatches, useSaveDemand } from './hooks';
import { MatchReasons } from './MatchReasons';
import { DemandStateTag } from './tags';

/** The ranked solutions with their reasons; whoever may write the demand asks for contact (issue #15 item 3). */
function Matches({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const { data, isPending, error } = useDemandMatches(demand.id);
  const createLead = useCreateLead();
  const canAsk = demand.editable && demand.state === 'open';
  if (error) return <ApiErrorAlert error={error} />;
  return (
    <Card
      title={t('services.matchesTitle')}
      size="small"
      extra={data && <Typography.Text type="secondary">{t('services.tokenizer', { name: data.tokenizer })}</Typography.Text>}
      data-testid="demand-matches"
    >
      <List<SolutionMatch>
        loading={isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('services.matchesEmpty')} /> }}
        renderItem={(m) => (
          <List.Item
            data-testid="demand-match"
            actions={[
              m.leadId ? (
                <Button key="lead" onClick={() => navigate(`/services/leads?lead=${m.leadId}`)} data-testid="match-view-lead">
                  {t('services.viewLead')}
                </Button>
              ) : (
                canAsk && (
                  <Button
                    key="ask"
                    type="primary"
                    loading={createLead.isPending && createLead.variables?.solutionId === m.solution.id}
                    data-testid="match-request-contact"
                    onClick={() =>
                      createLead.mutate(
                        { demandId: demand.id, solutionId: m.solution.id },
                        { onSuccess: () => void message.success(t('services.leadOpened')), onError: notifyError },
                      )
                    }
                  >
                    {t('services.requestContact')}
                  </Button>
                )
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Tag color="geekblue">{t('services.rank', { rank: m.rank })}</Tag>
                  <Link to={`/services/solutions/${m.solution.id}`}>{m.solution.title}</Link>
                  <Typography.Text type="secondary">{m.solution.providerName}</Typography.Text>
                </Space>
              }
              description={<MatchReasons score={m.score} contributions={m.contributions} />}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** One demand and the solutions matched to it, each with its reasons. */
export default function DemandDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const { data: demand, isPending, error } = useDemand(id);
  const save = useSaveDemand();
  const [editing, setEditing] = useState(false);
  if (error) return <ApiErrorAlert error={error} />;
  if (isPending || !demand) return <Spin />;
  const items: DescriptionsProps['items'] = [
    { key: 'enterprise', label: t('services.enterprise'), children: demand.enterpriseName },
    { key: 'district', label: t('services.district'), children: demand.districtName },
    {
      key: 'problem',
      label: t('services.problem'),
      span: 2,
      children: <Typography.Paragraph style={{ margin: 0 }}>{demand.problem}</Typography.Paragraph>,
    },
    { key: 'industry', label: t('services.industry'), children: demand.industry?.name ?? '—' },
    { key: 'scenarios', label: t('services.scenarios'), children: demand.scenarios.map((s) => <Tag key={s.code}>{s.name}</Tag>) },
    { key: 'budget', label: t('services.budgetBand'), children: demand.budgetBand ? t(`priceBands.${demand.budgetBand}`) : '—' },
    {
      key: 'weeks',
      label: t('services.timelineWeeks'),
      children: demand.timelineWeeks ? t('services.weeks', { n: demand.timelineWeeks }) : '—',
    },
    { key: 'state', label: t('services.state'), children: <DemandStateTag state={demand.state} /> },
    { key: 'created', label: t('fields.createdAt'), children: formatDateTime(demand.createdAt) },
    {
      key: 'attachments',
      label: t('services.attachments'),
      span: 2,
      children: demand.attachments.length ? (
        <Flex vertical>
          {demand.attachments.map((f) => (
            <a key={f.fileId} href={urlOf(API.downloadFile, { params: { id: f.fileId } })} download={f.name}>
              <PaperClipOutlined /> {f.name}
            </a>
          ))}
        </Flex>
      ) : (
        '—'
      ),
    },
  ];
  const toggle = () =>
    save.mutate(
      { kind: 'update', id: demand.id, body: { version: demand.version, state: demand.state === 'open' ? 'closed' : 'open' } },
      { onError: notifyError },
    );
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
            <span data-testid="demand-title-heading">{demand.title}</span>
            {demand.postedByDistrict && <Tag>{t('services.postedByDistrict')}</Tag>}
          </Space>
        }
        extra={
          demand.editable && (
            <Space>
              {demand.state === 'open' && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="demand-edit">
                  {t('common.edit')}
                </Button>
              )}
              <Button onClick={toggle} loading={save.isPending}>
                {demand.state === 'open' ? t('services.closeDemand') : t('services.reopenDemand')}
              </Button>
            </Space>
          )
        }
      >
        <Descriptions bordered column={2} size="small" items={items} />
      </Card>
      <Matches demand={demand} />
      <DemandFormDrawer
        mode={editing ? { type: 'edit', demand } : null}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </Flex>
  );
}
