import type { ProjectEvent, Role } from '@suilian/contracts';
import { ROLES } from '@suilian/contracts';
import { Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PROJECT_STATE_TONES, TONE_COLOURS } from '../../shared/status';
import { useProjectEvents } from './hooks';

const TIMELINE_COLOURS: Record<string, string> = { green: 'green', blue: 'blue', orange: 'orange', red: 'red', default: 'gray' };

/** The project's lifecycle as it happened: action, who (and in which role), when, the comment. */
export function ProjectTimeline({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useProjectEvents(projectId);
  if (error) return <ApiErrorAlert error={error} />;
  if (isPending) return <Spin />;
  if (!data || data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.timelineEmpty')} />;
  const roleName = (role: string) => (ROLES.includes(role as Role) ? t(`roles.${role as Role}`) : role);
  return (
    <Timeline
      data-testid="project-timeline"
      items={data.map((e: ProjectEvent) => ({
        key: e.id,
        color: TIMELINE_COLOURS[TONE_COLOURS[PROJECT_STATE_TONES[e.toState]]] ?? 'blue',
        content: (
          <Flex vertical gap={2} data-testid={`timeline-event-${e.action}`}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{t(`projectActions.${e.action}`)}</Typography.Text>
              <Tag variant="filled">
                {e.fromState
                  ? t('projects.transition', { from: t(`projectStates.${e.fromState}`), to: t(`projectStates.${e.toState}`) })
                  : t(`projectStates.${e.toState}`)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('projects.actor', { name: e.actorName, role: roleName(e.actorRole) })} · {formatDateTime(e.occurredAt)}
            </Typography.Text>
            {e.comment && (
              <Typography.Paragraph
                style={{ margin: '4px 0 0', padding: '6px 10px', background: '#f6f8fa', borderRadius: 6, whiteSpace: 'pre-wrap' }}
                data-testid="timeline-comment"
              >
                {e.comment}
              </Typography.Paragraph>
            )}
          </Flex>
        ),
      }))}
    />
  );
}
