import { Card, Empty, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../shared/errors';
import { usePublicReverse } from './hooks';
import { resolvePagePath } from './logic';

/** 按值反查 for everyone: which handles publicly carry this URL or serial number. */
export function PublicReverse() {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const { data, error, isFetching } = usePublicReverse(value);
  return (
    <Card size="small" title={t('handles.reverse.publicTitle')} data-testid="public-reverse">
      <Input.Search
        allowClear
        placeholder={t('handles.reverse.valuePlaceholder')}
        onSearch={(text) => setValue(text.trim())}
        loading={isFetching}
        data-testid="public-reverse-value"
      />
      {error && <ApiErrorAlert error={error} style={{ marginTop: 12 }} />}
      {value && data && (
        <List
          style={{ marginTop: 12 }}
          size="small"
          dataSource={data.items}
          locale={{ emptyText: <Empty description={t('handles.reverse.none')} /> }}
          renderItem={(item) => (
            <List.Item>
              <Link to={resolvePagePath(item.handle)}>{item.handle}</Link>
              <Typography.Text type="secondary">{`${item.index} · ${item.type}`}</Typography.Text>
            </List.Item>
          )}
          footer={data.hasMore ? <Typography.Text type="secondary">{t('handles.reverse.more')}</Typography.Text> : undefined}
          data-testid="public-reverse-results"
        />
      )}
    </Card>
  );
}
