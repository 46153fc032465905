import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { Honour } from '@suilian/contracts';
import { App, Button, Empty, Flex, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeNames } from '../../shared/codeLists';
import { useNotifyError } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { ConfirmationActions, ConfirmationStateTag } from '../confirmations';
import { useDeleteHonour } from './hooks';

const LEVEL_COLOURS: Record<Honour['level'], string> = { national: 'red', provincial: 'volcano', municipal: 'gold' };

/** Honours grouped by year, newest first (梯度培育: 创新型中小企业 → 专精特新 → 小巨人 → 单项冠军). */
export function HonoursTimeline({
  enterpriseId,
  honours,
  writable,
  onEdit,
}: {
  enterpriseId: string;
  honours: Honour[];
  writable: boolean;
  onEdit(honour: Honour): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const remove = useDeleteHonour(enterpriseId);
  const honourName = useCodeNames('honour_type');
  if (honours.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprises.honoursEmpty')} />;

  const years = [...new Set(honours.map((h) => h.year))].sort((a, b) => b - a);
  return (
    <Timeline
      data-testid="honours-timeline"
      items={years.map((year) => ({
        key: year,
        color: 'purple',
        content: (
          <Flex vertical gap={8}>
            <Typography.Text strong>{year}</Typography.Text>
            {honours
              .filter((h) => h.year === year)
              .map((h) => (
                <Flex key={h.id} vertical gap={2} data-testid={`honour-${h.id}`}>
                  <Space size={4} wrap>
                    <Tag color={LEVEL_COLOURS[h.level]}>{t(`honourLevels.${h.level}`)}</Tag>
                    <Typography.Text>{honourName(h.honourType)}</Typography.Text>
                    {h.productName && <Typography.Text type="secondary">· {h.productName}</Typography.Text>}
                    {h.batch && <Tag>{h.batch}</Tag>}
                    <ConfirmationStateTag state={h.confirmation.state} />
                    <ConfirmationActions
                      size="small"
                      target={{ kind: 'honour', id: h.id, enterpriseId }}
                      state={h.confirmation.state}
                      version={h.version}
                    />
                    {writable && (
                      <>
                        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(h)} aria-label={t('common.edit')} />
                        <Popconfirm
                          title={t('enterprises.honourDeleteConfirm')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() =>
                            remove.mutateAsync(h.id).then(() => void message.success(t('enterprises.honourDeleted')), notifyError)
                          }
                        >
                          <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                        </Popconfirm>
                      </>
                    )}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      h.certificateNo && t('enterprises.certificate', { no: h.certificateNo }),
                      h.confirmation.state === 'returned' &&
                        h.confirmation.comment &&
                        `${t('confirmations.reason')}：${h.confirmation.comment}`,
                      (h.validFrom || h.validUntil) &&
                        t('enterprises.validity', { from: formatDate(h.validFrom), until: formatDate(h.validUntil) }),
                      h.reReviewYear &&
                        t('enterprises.reReview', {
                          year: h.reReviewYear,
                          result: h.reReviewResult ? t(`reReviewResults.${h.reReviewResult}`) : '—',
                        }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Flex>
              ))}
          </Flex>
        ),
      }))}
    />
  );
}
