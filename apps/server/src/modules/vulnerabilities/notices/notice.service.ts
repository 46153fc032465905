import type { Notice, NoticeInput, NoticeListQuery, NoticeResponse, UpdateNotice } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import { renderHtml, renderPdf } from '../../../platform/documents/index.js';
import { fieldError, notFound, refusal, staleVersion } from '../../../platform/errors.js';
import type { NotificationService } from '../../notifications/index.js';
import { createAdvisoryRepo } from '../advisory.repo.js';
import { noticeDocument } from './notice.document.js';
import { noticePolicy, recipientPolicy } from './notice.policy.js';
import { createNoticeRepo, type NoticeRow } from './notice.repo.js';

export interface NoticeServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Early-warning notices (预警通报, issue #5 item 6): analysts draft them for vulnerabilities; the
 * affected enterprises come from the matches; publishing numbers the notice, records the
 * recipients and notifies each enterprise's users in-app and by e-mail in the same transaction;
 * enterprises acknowledge and respond.
 */
export function createNoticeService(deps: NoticeServiceDeps) {
  async function present(row: NoticeRow, actor: Actor, db: DbOrTx = deps.db): Promise<Notice> {
    const repo = createNoticeRepo(db);
    const vulns = await repo.vulnerabilitiesOf([row.id]);
    const recipients =
      row.status === 'published'
        ? await repo.recipientsOf(row.id)
        : (await repo.affectedEnterprises(vulns.map((v) => v.id))).map((e) => ({
            ...e,
            acknowledgedAt: null,
            responseStatus: null,
            response: null,
            respondedAt: null,
          }));
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      grade: row.grade,
      summary: row.summary,
      affectedScope: row.affectedScope,
      mitigations: row.mitigations,
      responseDeadline: row.responseDeadline,
      vulnerabilityIds: vulns.map((v) => v.id),
      vulnerabilities: vulns.map(({ noticeId: _, ...v }) => v),
      status: row.status,
      publishedAt: iso(row.publishedAt),
      recipients: recipients
        .filter((r) => recipientPolicy.can(actor, 'read', r))
        .map((r) => ({
          enterpriseId: r.enterpriseId,
          enterpriseName: r.enterpriseName,
          districtId: r.districtId,
          assetCount: r.assetCount,
          acknowledgedAt: r.acknowledgedAt instanceof Date ? r.acknowledgedAt.toISOString() : null,
          responseStatus: r.responseStatus,
          response: r.response,
          respondedAt: r.respondedAt instanceof Date ? r.respondedAt.toISOString() : null,
        })),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function visible(actor: Actor, action: 'read' | 'manage' | 'respond', id: string, db: DbOrTx = deps.db): Promise<NoticeRow> {
    noticePolicy.authorize(actor, action);
    const repo = createNoticeRepo(db);
    const row = await repo.findById(id);
    // A draft is the analysts' until it is published (a lifecycle rule): to others it does not exist.
    if (!row || (row.status === 'draft' && !noticePolicy.allows(actor, 'manage'))) throw notFound('notice');
    noticePolicy.authorize(actor, action, { recipientIds: (await repo.recipientsOf(id)).map((r) => r.enterpriseId) });
    return row;
  }

  async function checkVulnerabilities(db: DbOrTx, ids: string[]) {
    const found = await createAdvisoryRepo(db).findVulnerabilitiesById(ids);
    const missing = ids.filter((id) => !found.some((v) => v.id === id));
    if (missing.length) throw fieldError('VALIDATION_FAILED', 'vulnerabilityIds', 'exists', `no vulnerability ${missing.join(', ')}`);
  }

  async function respondAs(actor: Actor, id: string, patch: Record<string, unknown>, action: string): Promise<Notice> {
    noticePolicy.authorize(actor, 'respond');
    return deps.db.transaction(async (tx) => {
      const row = await visible(actor, 'respond', id, tx);
      if (row.status !== 'published') throw notFound('notice');
      await createNoticeRepo(tx).updateRecipient(id, actor.orgId, patch);
      await deps.audit.append(tx, actor, {
        action,
        entityType: 'vuln_notice',
        entityId: id,
        after: { enterpriseId: actor.orgId, ...patch },
      });
      return present(row, actor, tx);
    });
  }

  return {
    async list(actor: Actor, q: NoticeListQuery): Promise<{ items: Notice[]; total: number }> {
      const reach = noticePolicy.reach(actor, 'read');
      const page = await createNoticeRepo(deps.db).findPage(
        {
          drafts: noticePolicy.allows(actor, 'manage'),
          ...('orgId' in reach ? { enterpriseId: reach.orgId } : {}),
          ...(q.status ? { status: q.status } : {}),
        },
        q.page,
        q.pageSize,
      );
      return { items: await Promise.all(page.items.map((r) => present(r, actor))), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<Notice> {
      return present(await visible(actor, 'read', id), actor);
    },

    async create(actor: Actor, input: NoticeInput): Promise<Notice> {
      noticePolicy.authorize(actor, 'manage');
      const now = deps.clock.now();
      return deps.db.transaction(async (tx) => {
        await checkVulnerabilities(tx, input.vulnerabilityIds);
        const { vulnerabilityIds, ...fields } = input;
        const row = await createNoticeRepo(tx).insert({
          ...fields,
          status: 'draft',
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await createNoticeRepo(tx).setVulnerabilities(row.id, vulnerabilityIds);
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.notice_create',
          entityType: 'vuln_notice',
          entityId: row.id,
          after: input,
        });
        return present(row, actor, tx);
      });
    },

    async update(actor: Actor, id: string, input: UpdateNotice): Promise<Notice> {
      return deps.db.transaction(async (tx) => {
        const current = await visible(actor, 'manage', id, tx);
        if (current.status !== 'draft')
          throw refusal('CONFLICT', 'notice.published_not_edited', 'a published notice is not edited; issue a new one');
        const { version, vulnerabilityIds, ...fields } = input;
        if (vulnerabilityIds) await checkVulnerabilities(tx, vulnerabilityIds);
        const row = await createNoticeRepo(tx).update(id, version, { ...fields, updatedAt: deps.clock.now() });
        if (!row) throw staleVersion('notice');
        if (vulnerabilityIds) await createNoticeRepo(tx).setVulnerabilities(id, vulnerabilityIds);
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.notice_update',
          entityType: 'vuln_notice',
          entityId: id,
          before: current,
          after: input,
        });
        return present(row, actor, tx);
      });
    },

    /** Numbers the notice, records the affected enterprises and notifies their users (in-app + e-mail outbox). */
    async publish(actor: Actor, id: string, version: number): Promise<Notice> {
      return deps.db.transaction(async (tx) => {
        const repo = createNoticeRepo(tx);
        const current = await visible(actor, 'manage', id, tx);
        if (current.status !== 'draft') throw refusal('CONFLICT', 'notice.already_published', 'the notice is already published');
        const now = deps.clock.now();
        await repo.lockNumbering();
        const prefix = `穗联预警〔${now.getUTCFullYear()}〕`;
        const number = `${prefix}${(await repo.countNumbered(prefix)) + 1}号`;
        const row = await repo.update(id, version, {
          status: 'published',
          number,
          publishedAt: now,
          publishedById: actor.userId,
          updatedAt: now,
        });
        if (!row) throw staleVersion('notice');
        const vulns = await repo.vulnerabilitiesOf([id]);
        const affected = await repo.affectedEnterprises(vulns.map((v) => v.id));
        await repo.insertRecipients(
          affected.map((e) => ({ noticeId: id, enterpriseId: e.enterpriseId, districtId: e.districtId, assetCount: e.assetCount })),
        );
        const sent = await deps.notifications.notify(
          tx,
          affected.map((e) => ({ role: 'enterprise_user' as const, orgId: e.enterpriseId })),
          {
            kind: 'security.notice',
            title: { zh: `【预警通报】${row.title}`, en: `[Early warning] ${row.title}` },
            body: {
              zh: `${number}：${row.summary}\n请于 ${row.responseDeadline} 前签收并反馈处置情况。`,
              en: `${number}: ${row.summary}\nPlease acknowledge and report your response by ${row.responseDeadline}.`,
            },
            link: `/security/notices?notice=${id}`,
            dedupeKey: `notice:${id}`,
          },
        );
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.notice_publish',
          entityType: 'vuln_notice',
          entityId: id,
          after: { number, enterprises: affected.map((e) => e.enterpriseId), notified: sent.recipientIds.length, mails: sent.mailsQueued },
        });
        return present(row, actor, tx);
      });
    },

    async acknowledge(actor: Actor, id: string): Promise<Notice> {
      return respondAs(actor, id, { acknowledgedAt: deps.clock.now(), acknowledgedById: actor.userId }, 'vulnerability.notice_acknowledge');
    },

    async respond(actor: Actor, id: string, input: NoticeResponse): Promise<Notice> {
      const now = deps.clock.now();
      return respondAs(
        actor,
        id,
        { ...input, respondedAt: now, respondedById: actor.userId, acknowledgedAt: now, acknowledgedById: actor.userId },
        'vulnerability.notice_respond',
      );
    },

    async render(actor: Actor, id: string, format: 'html' | 'pdf'): Promise<{ body: string | Buffer; fileName: string }> {
      const notice = await present(await visible(actor, 'read', id), actor);
      const doc = noticeDocument(notice, deps.clock.now());
      const fileName = `${notice.number ?? notice.title}.${format}`;
      return format === 'html' ? { body: renderHtml(doc), fileName } : { body: await renderPdf(doc), fileName };
    },
  };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
