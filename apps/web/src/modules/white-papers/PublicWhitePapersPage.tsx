import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Layout, List, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../shared/errors';
import { formatBytes } from '../../shared/format';
import { LocaleSwitch } from '../../shared/LocaleSwitch';
import { publishedHtmlUrl, publishedPdfUrl, usePublishedWhitePaper, usePublishedWhitePapers } from './hooks';

/** One published edition: its kept HTML in a frame and the PDF to download (`/white-papers/<year>-<n>`). */
function Reader({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const edition = usePublishedWhitePaper(slug);
  if (edition.error) return <ApiErrorAlert error={edition.error} />;
  if (!edition.data) return <Skeleton active />;
  const e = edition.data;
  return (
    <Card
      title={e.title}
      extra={
        <Space>
          <Link to="/white-papers">{t('whitePapers.backToList')}</Link>
          <Button type="primary" icon={<DownloadOutlined />} href={publishedPdfUrl(slug)} data-testid="public-white-paper-pdf">
            {t('whitePapers.downloadPdf')}
          </Button>
        </Space>
      }
      styles={{ body: { padding: 0 } }}
    >
      <iframe
        title={e.title}
        src={publishedHtmlUrl(slug)}
        style={{ width: '100%', height: 'calc(100vh - 200px)', border: 'none' }}
        data-testid="public-white-paper-frame"
      />
    </Card>
  );
}

/** 白皮书 on the portal: the published editions for anyone, without logging in; `/white-papers/<year>-<n>` reads one. */
export default function PublicWhitePapersPage() {
  const { t } = useTranslation();
  const { slug } = useParams();
  const list = usePublishedWhitePapers();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          background: '#001529',
          padding: '0 clamp(12px, 4vw, 50px)',
        }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          {t('whitePapers.publicTitle')}
        </Typography.Title>
        <LocaleSwitch type="default" />
      </Layout.Header>
      <Layout.Content style={{ padding: 'clamp(12px, 4vw, 24px)', minWidth: 0 }}>
        <Flex vertical gap={16} data-testid="public-white-papers-page">
          {slug ? (
            <Reader slug={slug} />
          ) : (
            <>
              <Alert type="info" showIcon title={t('whitePapers.publicIntro')} />
              {list.error ? <ApiErrorAlert error={list.error} /> : null}
              <List
                loading={list.isPending}
                dataSource={list.data ?? []}
                locale={{ emptyText: t('whitePapers.publicEmpty') }}
                renderItem={(e) => (
                  <List.Item
                    data-testid="public-white-paper"
                    actions={[
                      <Link key="read" to={`/white-papers/${e.slug}`}>
                        {t('whitePapers.read')}
                      </Link>,
                      <a key="pdf" href={publishedPdfUrl(e.slug)}>
                        {t('whitePapers.downloadPdf')}
                        {e.pdfBytes ? ` · ${formatBytes(e.pdfBytes)}` : ''}
                      </a>,
                    ]}
                  >
                    <List.Item.Meta
                      title={<Link to={`/white-papers/${e.slug}`}>{e.title}</Link>}
                      description={`${e.number} · ${t('whitePapers.columns.issuedOn')} ${e.issuedOn ?? '—'} · ${t('whitePapers.columns.asOf')} ${e.asOf}`}
                    />
                  </List.Item>
                )}
              />
            </>
          )}
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
