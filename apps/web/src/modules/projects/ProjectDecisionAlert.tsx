import { type Project, type ProjectEvent, ROLES, type Role } from '@suilian/contracts';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useProjectEvents } from './hooks';

/** The step that put a returned or rejected project where it is: the latest event that led to its state. */
export function decisionOf(project: Pick<Project, 'state'>, events: readonly ProjectEvent[] | undefined): ProjectEvent | null {
  if (project.state !== 'returned' && project.state !== 'rejected') return null;
  const leading = (events ?? []).filter((e) => e.toState === project.state);
  return leading.reduce<ProjectEvent | null>((latest, e) => (!latest || e.occurredAt > latest.occurredAt ? e : latest), null);
}

/**
 * Why a project was returned or rejected, at the top of its page (issue #12 item 2): the reviewer,
 * the date and the comment, so the enterprise need not look for it at the end of the timeline.
 */
export function ProjectDecisionAlert({ project }: { project: Project }) {
  const { t } = useTranslation();
  const events = useProjectEvents(project.state === 'returned' || project.state === 'rejected' ? project.id : undefined);
  const decision = decisionOf(project, events.data);
  if (!decision) return null;
  const role = ROLES.includes(decision.actorRole as Role) ? t(`roles.${decision.actorRole as Role}`) : decision.actorRole;
  const values = { name: decision.actorName, role, at: formatDateTime(decision.occurredAt) };
  return (
    <Alert
      type={project.state === 'rejected' ? 'error' : 'warning'}
      showIcon
      data-testid="project-decision-alert"
      title={project.state === 'rejected' ? t('projects.rejectedBy', values) : t('projects.returnedBy', values)}
      description={
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="project-decision-comment">
          {decision.comment ?? t('projects.noDecisionComment')}
        </Typography.Paragraph>
      }
    />
  );
}
