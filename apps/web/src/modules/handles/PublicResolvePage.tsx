import { ExportOutlined, LoginOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Descriptions, Flex, Input, Layout, Result, Row, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { LocaleSwitch } from '../../shared/LocaleSwitch';
import { HandleQr } from './HandleQr';
import { usePublicView } from './hooks';
import { handleFromPathname, knownResponseCode, resolvePagePath, splitHandle } from './logic';
import { PublicReverse } from './PublicReverse';
import { isLink, type ResolveAnswer, resolveUrl, useResolve, valueText } from './resolve';
import { ValuesTable } from './ValuesTable';

/** The latest timestamp of a record's values: when it last changed. */
function lastChange(answer: ResolveAnswer): string | undefined {
  return (
    (answer.values ?? [])
      .map((v) => v.timestamp ?? '')
      .sort()
      .pop() || undefined
  );
}

function RecordCard({ answer, handle }: { answer: ResolveAnswer; handle: string }) {
  const { t } = useTranslation();
  const values = answer.values ?? [];
  const parts = splitHandle(answer.handle ?? handle);
  const link = values.find((v) => v.type === 'URL' && isLink(v)) ?? values.find(isLink);
  // The platform's public view adds the owner and the template's labels; the record shows without it.
  const view = usePublicView(answer.handle ?? handle, true).data;
  const labels: Record<string, string> = Object.fromEntries((view?.template?.items ?? []).map((item) => [item.name, item.label]));
  // People read the values the template names (and any other non-system value); HS_* values are the system's.
  const readable = values.filter((v) => labels[v.type] !== undefined || !v.type.startsWith('HS_'));
  return (
    <Card data-testid="resolve-record">
      <Row gutter={[24, 24]}>
        <Col xs={24} md={16}>
          <Descriptions
            column={1}
            size="small"
            title={<span data-testid="resolve-handle">{answer.handle ?? handle}</span>}
            items={[
              { key: 'prefix', label: t('handles.resolve.prefix'), children: parts?.prefix ?? '—' },
              { key: 'suffix', label: t('handles.resolve.suffix'), children: parts?.suffix ?? '—' },
              { key: 'owner', label: t('handles.prefix.owner'), children: view?.ownerOrgName ?? '—' },
              {
                key: 'template',
                label: t('handles.template.template'),
                children: view?.template ? `${view.template.name} (${view.template.industryCode} v${view.template.version})` : '—',
              },
              { key: 'count', label: t('handles.resolve.valueCount'), children: values.length },
              { key: 'changed', label: t('handles.resolve.lastChange'), children: formatDateTime(lastChange(answer)) },
            ]}
          />
          {link && (
            <Space wrap style={{ marginTop: 12 }}>
              <Button
                type="primary"
                icon={<ExportOutlined />}
                href={valueText(link)}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="resolve-follow"
              >
                {t('handles.resolve.follow')}
              </Button>
              <Typography.Link href={`${resolveUrl(answer.handle ?? handle)}?redirect`} data-testid="resolve-redirect">
                {t('handles.resolve.redirectLink')}
              </Typography.Link>
            </Space>
          )}
        </Col>
        <Col xs={24} md={8}>
          <HandleQr handle={answer.handle ?? handle} />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('handles.resolve.values')}
      </Typography.Title>
      {/* The template's labels first; the technical values (HS_ADMIN, TTL, indexes) folded away (#12 item 7). */}
      <Descriptions
        column={1}
        size="small"
        bordered
        data-testid="resolve-labelled"
        items={readable.map((v) => ({
          key: String(v.index),
          label: labels[v.type] ?? v.type,
          children: <span style={{ overflowWrap: 'anywhere' }}>{valueText(v)}</span>,
        }))}
      />
      <Collapse
        style={{ marginTop: 12 }}
        data-testid="resolve-technical"
        items={[
          {
            key: 'technical',
            label: t('details.resolve.technical'),
            children: (
              <div style={{ overflowX: 'auto' }}>
                <ValuesTable values={values} labels={labels} />
              </div>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('handles.resolve.publicOnly')}
      </Typography.Paragraph>
    </Card>
  );
}

function Answer({ handle }: { handle: string }) {
  const { t } = useTranslation();
  const query = useResolve(handle);
  if (query.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (query.error) return <ApiErrorAlert error={query.error} />;
  const answer = query.data;
  if (answer.responseCode === 1) return <RecordCard answer={answer} handle={handle} />;
  const code = knownResponseCode(answer.responseCode);
  return (
    <Result
      status={code === 100 || code === 200 ? '404' : 'warning'}
      title={<span data-testid="resolve-code">{t(`handles.codes.c${code}`)}</span>}
      subTitle={
        <>
          {t('handles.resolve.codeLine', { code: answer.responseCode, handle })}
          {answer.message && <div>{answer.message}</div>}
        </>
      }
      data-testid="resolve-not-found"
    />
  );
}

/** 标识解析 for everyone: no login; `/resolve/<handle…>` (the handle may contain '/') or a search box. */
export default function PublicResolvePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const handle = handleFromPathname(location.pathname);
  const [text, setText] = useState(handle);
  useEffect(() => setText(handle), [handle]);
  useEffect(() => {
    const previous = document.title;
    document.title = handle ? `${handle} · ${t('handles.resolve.title')}` : t('handles.resolve.title');
    return () => {
      document.title = previous;
    };
  }, [handle, t]);
  const search = (value: string) => {
    const next = value.trim();
    if (next) navigate(resolvePagePath(next));
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          padding: '0 clamp(12px, 4vw, 50px)',
        }}
      >
        <Link to={me ? '/' : '/login'} style={{ color: '#0b2e6b', fontWeight: 600, fontSize: 18 }}>
          {t('app.name')}
        </Link>
        <Space>
          <LocaleSwitch />
          {!me && (
            <Link to="/login">
              <Button icon={<LoginOutlined />} data-testid="resolve-login">
                {t('handles.resolve.login')}
              </Button>
            </Link>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content
        style={{ padding: 'clamp(12px, 4vw, 24px)', maxWidth: 1100, width: '100%', margin: '0 auto', minWidth: 0 }}
        data-testid="resolve-page"
      >
        <Flex vertical gap={16}>
          <div>
            <Typography.Title level={3} style={{ marginBottom: 4 }}>
              {t('handles.resolve.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('handles.resolve.intro')}</Typography.Text>
          </div>
          <Input.Search
            size="large"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={search}
            placeholder={t('handles.resolve.placeholder')}
            enterButton={
              <Button type="primary" icon={<SearchOutlined />} data-testid="resolve-submit">
                {t('handles.resolve.submit')}
              </Button>
            }
            data-testid="resolve-input"
          />
          {handle ? (
            <Answer handle={handle} />
          ) : (
            <>
              <Alert type="info" showIcon title={t('handles.resolve.hint')} />
              <PublicReverse />
            </>
          )}
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
