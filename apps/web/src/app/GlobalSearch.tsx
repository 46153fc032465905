import { SearchOutlined } from '@ant-design/icons';
import { API, type SearchHit } from '@suilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../api/endpoints';

/** Where a hit opens in the console. */
export function searchHitPath(hit: Pick<SearchHit, 'kind' | 'id' | 'title'>): string {
  switch (hit.kind) {
    case 'enterprise':
      return `/programme/enterprises/${hit.id}`;
    case 'project':
      return `/programme/projects/${hit.id}`;
    case 'handle':
      return `/identifiers/handles?q=${encodeURIComponent(hit.id)}`;
    case 'vulnerability':
      return `/security/vulnerabilities?q=${encodeURIComponent(hit.title)}`;
  }
}

/** The header's search box (#12 item 7): hits grouped by kind, arrows to choose, Enter to open. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, isFetching } = useQuery({
    queryKey: ['search', q],
    enabled: q.length >= 2,
    queryFn: () => call(API.searchEverything, { query: { q } }),
  });
  const groups = q.length >= 2 ? (data?.groups ?? []) : [];
  const options = groups.map((g) => ({
    label: (
      <Typography.Text type="secondary" data-testid={`search-group-${g.kind}`}>
        {t(`details.search.kinds.${g.kind}`)} ({g.total})
      </Typography.Text>
    ),
    options: g.hits.map((hit) => ({
      value: searchHitPath(hit),
      label: (
        <div data-testid="search-hit">
          <Typography.Text>{hit.title}</Typography.Text>
          {hit.subtitle && (
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {hit.subtitle}
            </Typography.Text>
          )}
        </div>
      ),
    })),
  }));
  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={(path: string) => {
        setText('');
        navigate(path);
      }}
      defaultActiveFirstOption
      notFoundContent={q.length >= 2 && !isFetching ? t('details.search.empty') : null}
      style={{ width: 280 }}
      popupMatchSelectWidth={360}
      data-testid="global-search"
    >
      <Input
        prefix={<SearchOutlined />}
        placeholder={t('details.search.placeholder')}
        allowClear
        aria-label={t('details.search.placeholder')}
      />
    </AutoComplete>
  );
}
