import { API, type PublicDataset } from '@suilian/contracts';
import { Alert, Button, Card, Flex, Input, Layout, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { urlOf } from '../../api/endpoints';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert } from '../../shared/errors';
import { formatBytes, formatDateTime } from '../../shared/format';
import { LocaleSwitch } from '../../shared/LocaleSwitch';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { usePublicDatasets } from './hooks';
import { LICENCE_KEYS } from './licence';

/**
 * 开放数据 (issue #16 item 3): the public datasets for anyone, without logging in, with their files
 * to download; `/open-data/<code>` is a dataset's landing page (dcat:landingPage, CKAN `url`).
 */
export default function PublicDatasetsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { code } = useParams();
  const [filters, setFilters] = useUrlFilters(['q'] as const);
  const { data, error, isPending } = usePublicDatasets(code ?? filters.q);
  const zh = locale === 'zh-CN';
  const items = (data?.items ?? []).filter((d) => !code || d.code === code);
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
          height: 'auto',
          minHeight: 64,
        }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, fontSize: 'clamp(15px, 4vw, 20px)' }}>
          {t('datasets.publicTitle')}
        </Typography.Title>
        <Space>
          <LocaleSwitch type="default" />
          <Link to="/login">
            <Button type="primary">{t('datasets.login')}</Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 'clamp(12px, 4vw, 24px)', minWidth: 0 }}>
        <Flex vertical gap={16} data-testid="public-datasets-page">
          <Alert type="info" showIcon title={t('datasets.publicNote')} />
          {!code && (
            <Input.Search
              allowClear
              placeholder={t('datasets.search')}
              defaultValue={filters.q}
              onSearch={(q) => setFilters({ q: q || undefined })}
              style={{ maxWidth: 420 }}
            />
          )}
          {error ? <ApiErrorAlert error={error} /> : null}
          {isPending && <Skeleton active />}
          {items.map((d) => (
            <PublicDatasetCard key={d.id} dataset={d} zh={zh} />
          ))}
        </Flex>
      </Layout.Content>
    </Layout>
  );
}

function PublicDatasetCard({ dataset: d, zh }: { dataset: PublicDataset; zh: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={zh ? d.titleZh : d.titleEn} extra={<Tag>{t(`datasets.theme.${d.theme}`)}</Tag>} data-testid="public-dataset">
      <Typography.Paragraph>{zh ? d.descriptionZh : d.descriptionEn}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {[
          d.publisher,
          t(`datasets.licence.${LICENCE_KEYS[d.licence]}`),
          t(`datasets.frequency.${d.frequency}`),
          formatDateTime(d.updatedAt),
        ].join(' · ')}
      </Typography.Paragraph>
      <Space wrap>
        {d.distributions.map((f) => (
          <Button key={f.format} size="small" href={urlOf(API.downloadPublicDistribution, { params: { code: d.code, format: f.format } })}>
            {`${t(`datasets.format.${f.format}`)} · ${formatBytes(f.byteSize)}`}
          </Button>
        ))}
      </Space>
    </Card>
  );
}
