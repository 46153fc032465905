import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { NotificationService } from '../notifications/index.js';
import type { WhitePaperDetailRow } from './white-paper.repo.js';

type Notify = Pick<NotificationService, 'notify'>;

const editorLink = (id: string) => `/white-papers/editions/${id}`;

/** To the reviewers (city admins): an edition waits for review. */
export async function notifySubmitted(n: Notify, tx: DbOrTx, edition: WhitePaperDetailRow, actor: Actor): Promise<void> {
  await n.notify(
    tx,
    [{ role: 'city_admin' }],
    {
      kind: 'white_paper.submitted',
      title: { zh: `白皮书待审核：${edition.number}`, en: `White paper to review: ${edition.number}` },
      body: {
        zh: `${edition.title}已提交审核，请审核后发布或退回。`,
        en: `The white paper edition ${edition.number} was submitted; publish it or return it with a comment.`,
      },
      link: editorLink(edition.id),
    },
    { except: [actor.userId] },
  );
}

/** To the submitter and the author: the reviewer returned the edition with a comment. */
export async function notifyReturned(n: Notify, tx: DbOrTx, edition: WhitePaperDetailRow, comment: string, actor: Actor): Promise<void> {
  const recipients = [edition.submittedById, edition.createdById].filter((id): id is string => id !== null);
  await n.notify(
    tx,
    recipients.map((userId) => ({ userId })),
    {
      kind: 'white_paper.returned',
      title: { zh: `白皮书退回修改：${edition.number}`, en: `White paper returned: ${edition.number}` },
      body: { zh: `审核意见：${comment}`, en: `Reviewer's comment: ${comment}` },
      link: editorLink(edition.id),
    },
    { except: [actor.userId] },
  );
}

/** To the submitter and the author: the edition is published on the portal. */
export async function notifyPublished(n: Notify, tx: DbOrTx, edition: WhitePaperDetailRow, actor: Actor): Promise<void> {
  const recipients = [edition.submittedById, edition.createdById].filter((id): id is string => id !== null);
  await n.notify(
    tx,
    recipients.map((userId) => ({ userId })),
    {
      kind: 'white_paper.published',
      title: { zh: `白皮书已发布：${edition.number}`, en: `White paper published: ${edition.number}` },
      body: {
        zh: `${edition.title}已于 ${edition.issuedOn} 发布，门户可在线阅读和下载 PDF。`,
        en: `The white paper edition ${edition.number} was published on ${edition.issuedOn}; it can be read and downloaded on the portal.`,
      },
      link: `/white-papers/${edition.year}-${edition.sequence}`,
    },
    { except: [actor.userId] },
  );
}
