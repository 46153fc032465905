import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import type { Solution, SolutionAction } from '@suilian/contracts';
import { App, Button, Card, Descriptions, type DescriptionsProps, Flex, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useSolution, useTransitionSolution } from './hooks';
import { SolutionFormDrawer } from './SolutionFormDrawer';
import { SolutionStateTag } from './tags';

/** The lifecycle buttons the server offers for this caller; return asks for a comment, retire confirms. */
function LifecycleButtons({ solution }: { solution: Solution }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const transition = useTransitionSolution();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const run = (action: SolutionAction, text?: string) =>
    transition.mutate(
      { id: solution.id, body: { version: solution.version, action, ...(text ? { comment: text } : {}) } },
      {
        onSuccess: () => {
          void message.success(t('services.actionDone', { action: t(`solutionActions.${action}`) }));
          setReturning(false);
          setComment('');
        },
        onError: notifyError,
      },
    );
  return (
    <>
      {solution.actions.map((action) => (
        <Button
          key={action}
          type={action === 'submit' || action === 'publish' ? 'primary' : 'default'}
          danger={action === 'retire'}
          loading={transition.isPending && transition.variables?.body.action === action}
          data-testid={`solution-action-${action}`}
          onClick={() => {
            if (action === 'return') setReturning(true);
            else if (action === 'retire') void modal.confirm({ content: t('services.confirmRetire'), onOk: () => run('retire') });
            else run(action);
          }}
        >
          {t(`solutionActions.${action}`)}
        </Button>
      ))}
      <Modal
        open={returning}
        title={t('solutionActions.return')}
        onCancel={() => setReturning(false)}
        onOk={() => (comment.trim() ? run('return', comment.trim()) : void message.warning(t('services.returnCommentRequired')))}
        confirmLoading={transition.isPending}
        destroyOnHidden
      >
        <Input.TextArea
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('services.returnComment')}
          maxLength={2000}
          data-testid="solution-return-comment"
        />
      </Modal>
    </>
  );
}

/** One solution: what it offers, for whom, references and contacts; its lifecycle buttons (issue #15 item 2). */
export default function SolutionDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { data: solution, isPending, error } = useSolution(id);
  const [editing, setEditing] = useState(false);
  if (error) return <ApiErrorAlert error={error} />;
  if (isPending || !solution) return <Spin />;
  const tags = (values: string[]) => (values.length ? values.map((v) => <Tag key={v}>{v}</Tag>) : '—');
  const items: DescriptionsProps['items'] = [
    { key: 'provider', label: t('services.provider'), children: solution.providerName },
    { key: 'state', label: t('services.state'), children: <SolutionStateTag state={solution.state} /> },
    { key: 'summary', label: t('services.summary'), span: 2, children: solution.summary ?? '—' },
    { key: 'industries', label: t('services.industries'), span: 2, children: tags(solution.industries.map((i) => i.name)) },
    { key: 'scenarios', label: t('services.scenarios'), span: 2, children: tags(solution.scenarios.map((s) => s.name)) },
    { key: 'capabilities', label: t('services.capabilities'), span: 2, children: tags(solution.capabilities) },
    { key: 'price', label: t('services.priceBand'), children: solution.priceBand ? t(`priceBands.${solution.priceBand}`) : '—' },
    {
      key: 'weeks',
      label: t('services.deploymentWeeks'),
      children: solution.deploymentWeeks ? t('services.weeks', { n: solution.deploymentWeeks }) : '—',
    },
    {
      key: 'delivery',
      label: t('services.deliveryModel'),
      children: solution.deliveryModel ? t(`deliveryModels.${solution.deliveryModel}`) : '—',
    },
    { key: 'published', label: t('services.publishedAt'), children: solution.publishedAt ? formatDateTime(solution.publishedAt) : '—' },
    {
      key: 'references',
      label: t('services.references'),
      span: 2,
      children: solution.references.length ? (
        <Flex vertical>
          {solution.references.map((r) => (
            <Typography.Text key={`${r.name}-${r.year ?? ''}`}>
              {r.name}
              {r.enterpriseName ? ` · ${r.enterpriseName}` : ''}
              {r.year ? ` · ${r.year}` : ''}
            </Typography.Text>
          ))}
        </Flex>
      ) : (
        '—'
      ),
    },
    { key: 'certifications', label: t('services.certifications'), span: 2, children: tags(solution.certifications) },
    {
      key: 'contacts',
      label: t('services.contacts'),
      span: 2,
      children: solution.contacts.length
        ? solution.contacts.map((c) => [c.name, c.phone, c.email].filter(Boolean).join(' · ')).join('；')
        : '—',
    },
  ];
  if (solution.reviewComment) items.push({ key: 'review', label: t('services.reviewComment'), span: 2, children: solution.reviewComment });

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
          <span data-testid="solution-title-heading">{solution.title}</span>
        </Space>
      }
      extra={
        <Space wrap>
          {solution.editable && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="solution-edit">
              {t('common.edit')}
            </Button>
          )}
          <LifecycleButtons solution={solution} />
        </Space>
      }
      data-testid="solution-detail"
    >
      <Descriptions bordered column={2} size="small" items={items} />
      <SolutionFormDrawer
        mode={editing ? { type: 'edit', solution } : null}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </Card>
  );
}
