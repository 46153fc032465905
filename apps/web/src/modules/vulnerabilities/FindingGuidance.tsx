import type { FindingGuidance as Guidance } from '@suilian/contracts';
import { Descriptions, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format';

/** What the enterprise should do about a finding (#12 item 7): description, CVSS, the advisories' remediations, the notices it received. */
export function FindingGuidance({ guidance }: { guidance: Guidance }) {
  const { t } = useTranslation();
  const g = (key: string) => t(`details.finding.${key}` as 'details.finding.whatToDo');
  return (
    <div data-testid="finding-guidance">
      <Typography.Title level={5}>{g('whatToDo')}</Typography.Title>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={g('description')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: true }}>
            {guidance.description ?? '—'}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={g('cvss')}>{guidance.baseScore ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={g('remediations')}>
          {guidance.remediations.length === 0 && !guidance.solution ? (
            <Typography.Text type="secondary">{g('noRemediation')}</Typography.Text>
          ) : (
            <List
              size="small"
              data-testid="finding-remediations"
              dataSource={[
                ...(guidance.solution ? [{ category: 'vendor_fix', details: guidance.solution, url: null, advisory: '' }] : []),
                ...guidance.remediations,
              ]}
              renderItem={(r) => (
                <List.Item>
                  <div>
                    <Tag color={r.category === 'vendor_fix' ? 'green' : 'orange'}>
                      {t(`details.finding.remediationCategories.${r.category}` as 'details.finding.remediationCategories.vendor_fix', {
                        defaultValue: g('remediations'),
                      })}
                    </Tag>
                    <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.details}</Typography.Text>
                    {r.url && (
                      <Typography.Link href={r.url} target="_blank" rel="noopener noreferrer" style={{ marginLeft: 8 }}>
                        {r.url}
                      </Typography.Link>
                    )}
                    {r.advisory && (
                      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                        {r.advisory}
                      </Typography.Text>
                    )}
                  </div>
                </List.Item>
              )}
            />
          )}
        </Descriptions.Item>
        <Descriptions.Item label={g('relatedNotices')}>
          {guidance.notices.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={g('noNotices')} />
          ) : (
            <List
              size="small"
              data-testid="finding-notices"
              dataSource={guidance.notices}
              renderItem={(n) => (
                <List.Item>
                  <Link to={`/security/notices?notice=${n.id}`}>{n.title}</Link>
                  <Typography.Text type="secondary">{formatDate(n.publishedAt)}</Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
