import type { RoundAction } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { NotificationService } from '../notifications/index.js';
import { roundStageNotices } from './selection.notifications.js';
import { createSelectionRepo, type RoundRow } from './selection.repo.js';

/**
 * Tells the people a round's new stage concerns (issue #12 item 2), inside the stage change's
 * transaction `tx`: reads the round's applicants and assigned experts, then notifies.
 */
export async function notifyRoundStage(
  tx: DbOrTx,
  notifications: Pick<NotificationService, 'notify'>,
  round: RoundRow,
  action: RoundAction,
  actorUserId: string | null,
): Promise<void> {
  const repo = createSelectionRepo(tx);
  const applications = await repo.findApplications(round.id, { all: true });
  const assignments = await repo.findAssignments(applications.map((a) => a.id));
  const notices = roundStageNotices({
    round: { id: round.id, title: round.title, deadline: round.deadline.toISOString(), publicityEnd: round.publicityEnd },
    action,
    to: round.stage,
    applications,
    expertIds: [...new Set(assignments.map((a) => a.expertId))],
  });
  for (const notice of notices) await notifications.notify(tx, notice.recipients, notice.message, { except: [actorUserId] });
}
