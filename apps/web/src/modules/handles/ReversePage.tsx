import { Button, Card, Empty, Flex, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../shared/errors';
import { type ReverseQuery, useReverse } from './hooks';
import { resolvePagePath } from './logic';
import { PrefixSelect } from './PrefixSelect';

interface Criteria {
  value: string;
  type?: string;
  prefix?: string;
}

/** 反查: which handles carry this value — a product URL or a serial number. */
export default function ReversePage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<ReverseQuery | null>(null);
  const { data, isFetching, error } = useReverse(query);
  const search = (c: Criteria) =>
    setQuery({ value: c.value.trim(), type: c.type?.trim() || undefined, prefix: c.prefix || undefined, page: 1, pageSize: 20 });
  const page = query?.page ?? 1;
  return (
    <Card title={t('menu.handleReverse')} data-testid="reverse-page">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('handles.reverse.intro')}</Typography.Text>
        <Form<Criteria> layout="inline" onFinish={search}>
          <Form.Item name="value" rules={[{ required: true, whitespace: true, message: t('handles.reverse.valueRequired') }]}>
            <Input placeholder={t('handles.reverse.valuePlaceholder')} style={{ width: 380 }} allowClear data-testid="reverse-value" />
          </Form.Item>
          <Form.Item name="type">
            <Input placeholder={t('handles.reverse.typePlaceholder')} style={{ width: 180 }} allowClear data-testid="reverse-type" />
          </Form.Item>
          <Form.Item name="prefix">
            <PrefixSelect allowClear />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="reverse-submit">
            {t('common.search')}
          </Button>
        </Form>
        {error && <ApiErrorAlert error={error} />}
        {query && (
          <>
            <Table
              rowKey={(r) => `${r.handle}#${r.index}`}
              loading={isFetching}
              dataSource={data?.items}
              pagination={false}
              locale={{ emptyText: <Empty description={t('handles.reverse.none')} /> }}
              data-testid="reverse-table"
              columns={[
                {
                  title: t('handles.record.handle'),
                  dataIndex: 'handle',
                  render: (h: string) => (
                    <Link to={resolvePagePath(h)} target="_blank">
                      {h}
                    </Link>
                  ),
                },
                { title: t('handles.value.index'), dataIndex: 'index', width: 100 },
                {
                  title: t('handles.value.type'),
                  dataIndex: 'type',
                  render: (type: string) => <Typography.Text code>{type}</Typography.Text>,
                },
              ]}
            />
            <Space>
              <Button disabled={page <= 1} onClick={() => setQuery({ ...query, page: page - 1 })}>
                {t('handles.reverse.previous')}
              </Button>
              <Typography.Text>{t('handles.reverse.page', { page })}</Typography.Text>
              <Button disabled={!data?.hasMore} onClick={() => setQuery({ ...query, page: page + 1 })}>
                {t('handles.reverse.next')}
              </Button>
            </Space>
          </>
        )}
      </Flex>
    </Card>
  );
}
