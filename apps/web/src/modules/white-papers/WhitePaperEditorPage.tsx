import { CheckOutlined, EyeOutlined, ReloadOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { WHITE_PAPER_CHAPTERS, type WhitePaperChapter, type WhitePaperDetail } from '@suilian/contracts';
import { Alert, App, Button, Card, Col, Input, Modal, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { StatusTag } from '../../shared/StatusTag';
import { ChapterFigures } from './ChapterFigures';
import { editionHtmlUrl, useEditionStep, useReturnWhitePaper, useSaveCommentary, useWhitePaper } from './hooks';
import { STATE_TONES } from './WhitePapersPage';

/** One chapter: the commentary textarea (drafts, editors) beside the chapter's figures. */
function ChapterPane({ edition, chapter, editable }: { edition: WhitePaperDetail; chapter: WhitePaperChapter; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [text, setText] = useState(edition.commentary[chapter]);
  const save = useSaveCommentary(edition.id);
  useEffect(() => setText(edition.commentary[chapter]), [edition.commentary, chapter]);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Typography.Title level={5}>{t('whitePapers.commentary')}</Typography.Title>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          readOnly={!editable}
          autoSize={{ minRows: 8, maxRows: 24 }}
          maxLength={5000}
          showCount
          placeholder={t('whitePapers.commentaryPlaceholder')}
          data-testid={`white-paper-commentary-${chapter}`}
        />
        {editable ? (
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            loading={save.isPending}
            disabled={text === edition.commentary[chapter]}
            onClick={() =>
              save.mutate(
                { chapter, commentary: text, version: edition.version },
                { onSuccess: () => void message.success(t('whitePapers.saved')), onError: notifyError },
              )
            }
            data-testid={`white-paper-save-${chapter}`}
          >
            {t('whitePapers.saveCommentary')}
          </Button>
        ) : null}
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Title level={5}>{t('whitePapers.figures')}</Typography.Title>
        <ChapterFigures chapter={chapter} snapshot={edition.snapshot} />
      </Col>
    </Row>
  );
}

/** 白皮书编制 → one edition: chapters with commentary and figures, refresh, submit, return, publish. */
export default function WhitePaperEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const edition = useWhitePaper(id);
  const step = useEditionStep(id);
  const giveBack = useReturnWhitePaper(id);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  if (edition.error) return <ApiErrorAlert error={edition.error} />;
  if (!edition.data) return <Skeleton active />;
  const e = edition.data;
  const editable = e.state === 'draft' && can('white_paper:edit');
  const reviewing = e.state === 'in_review' && can('white_paper:publish');
  const run = (s: 'refresh' | 'submit' | 'publish', done: string) =>
    step.mutate(s, { onSuccess: () => void message.success(done), onError: notifyError });

  return (
    <Card
      title={
        <Space wrap>
          <span>{e.number}</span>
          <StatusTag tone={STATE_TONES[e.state]} data-testid="white-paper-state">
            {t(`whitePapers.states.${e.state}`)}
          </StatusTag>
        </Space>
      }
      extra={<Link to="/publications/white-papers">{t('whitePapers.backToList')}</Link>}
    >
      <Typography.Title level={4}>{e.title}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('whitePapers.snapshotTakenAt', { at: formatDateTime(e.snapshotTakenAt) })} · {t('whitePapers.columns.asOf')} {e.asOf}
      </Typography.Paragraph>
      {e.reviewComment && e.state === 'draft' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('whitePapers.reviewComment', { comment: e.reviewComment })} />
      ) : null}
      {e.state === 'published' ? <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('whitePapers.frozen')} /> : null}
      {e.state === 'in_review' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('whitePapers.inReview')} /> : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<EyeOutlined />} href={editionHtmlUrl(e.id)} target="_blank" data-testid="white-paper-preview">
          {t('whitePapers.preview')}
        </Button>
        {editable ? (
          <>
            <Button
              icon={<ReloadOutlined />}
              loading={step.isPending}
              onClick={() => run('refresh', t('whitePapers.refreshed'))}
              data-testid="white-paper-refresh"
            >
              {t('whitePapers.refresh')}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={step.isPending}
              onClick={() => run('submit', t('whitePapers.submitted'))}
              data-testid="white-paper-submit"
            >
              {t('whitePapers.submit')}
            </Button>
          </>
        ) : null}
        {reviewing ? (
          <>
            <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="white-paper-return">
              {t('whitePapers.returnEdition')}
            </Button>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={step.isPending}
              onClick={() =>
                modal.confirm({
                  title: t('whitePapers.publish'),
                  content: t('whitePapers.publishConfirm'),
                  onOk: () => run('publish', t('whitePapers.published', { number: e.number })),
                })
              }
              data-testid="white-paper-publish"
            >
              {t('whitePapers.publish')}
            </Button>
          </>
        ) : null}
        {e.state === 'published' ? <Link to={`/white-papers/${e.slug}`}>{t('whitePapers.publicPage')}</Link> : null}
      </Space>
      <Tabs
        items={WHITE_PAPER_CHAPTERS.map((chapter, i) => ({
          key: chapter,
          label: `${i + 1}. ${t(`whitePapers.chapters.${chapter}`)}`,
          children: <ChapterPane edition={e} chapter={chapter} editable={editable} />,
        }))}
      />
      <Modal
        open={returning}
        title={t('whitePapers.returnEdition')}
        onCancel={() => setReturning(false)}
        okButtonProps={{ disabled: !comment.trim(), loading: giveBack.isPending }}
        onOk={() =>
          giveBack.mutate(comment.trim(), {
            onSuccess: () => {
              setReturning(false);
              setComment('');
              void message.success(t('whitePapers.returned'));
            },
            onError: notifyError,
          })
        }
      >
        <Input.TextArea
          value={comment}
          onChange={(ev) => setComment(ev.target.value)}
          placeholder={t('whitePapers.returnComment')}
          autoSize={{ minRows: 3 }}
          maxLength={2000}
          data-testid="white-paper-return-comment"
        />
      </Modal>
    </Card>
  );
}
