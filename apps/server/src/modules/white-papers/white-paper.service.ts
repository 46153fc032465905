import type {
  CreateWhitePaper,
  PublishedWhitePaper,
  UpdateWhitePaperChapter,
  WhitePaper,
  WhitePaperChapter,
  WhitePaperDetail,
  WhitePaperListQuery,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { type Actor, systemActor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { renderHtml, renderPdf } from '../../platform/documents/index.js';
import { fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';
import { takeSnapshot, type WhitePaperSources } from './white-paper.data.js';
import { buildWhitePaperDocument } from './white-paper.document.js';
import { editionNumber, editionTitle, periodDates, periodLabel } from './white-paper.labels.js';
import { notifyPublished, notifyReturned, notifySubmitted } from './white-paper.notifications.js';
import { WHOLE_CITY, whitePaperPolicy } from './white-paper.policy.js';
import { presentDetail, presentEdition, presentPublished } from './white-paper.present.js';
import { createWhitePaperRepo, type WhitePaperDetailRow } from './white-paper.repo.js';

export interface WhitePaperServiceDeps extends WhitePaperSources {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/** The date in Guangzhou (the edition is dated there). */
function beijingDate(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function documentOf(row: WhitePaperDetailRow, issuedOn: string | null) {
  return buildWhitePaperDocument(
    { number: row.number, title: row.title, periodLabel: periodLabel(row.year, row.period), asOf: row.asOf, issuedOn },
    row.snapshot,
    row.commentary,
  );
}

/** Parses a public address (2026-1) into the edition's year and sequence. */
function parseSlug(slug: string): { year: number; sequence: number } {
  const [year, sequence] = slug.split('-').map(Number);
  return { year: year ?? 0, sequence: sequence ?? 0 };
}

/** White paper editions: drafted from a snapshot, commented per chapter, reviewed, published and frozen. */
export function createWhitePaperService(deps: WhitePaperServiceDeps) {
  const repo = createWhitePaperRepo(deps.db);
  // The figures are the city's whatever the editor's own reach: read as the city, like the dashboard.
  const snapshotOf = (actor: Actor, year: number, period: CreateWhitePaper['period']) => {
    const today = beijingDate(deps.clock.now());
    const { end } = periodDates(year, period);
    return takeSnapshot(deps, systemActor('system', actor.orgId), {
      asOf: end < today ? end : today,
      months: period === 'year' ? 12 : 6,
      now: deps.clock.now(),
    });
  };

  async function load(id: string): Promise<WhitePaperDetailRow> {
    const row = await repo.findDetail(id);
    if (!row) throw notFound('white paper');
    return row;
  }

  function mustBe(row: WhitePaperDetailRow, state: WhitePaperDetailRow['state']): void {
    if (row.state === state) return;
    const reason = state === 'draft' ? 'white_paper.not_draft' : 'white_paper.not_in_review';
    throw refusal('CONFLICT', reason, `the edition is ${row.state}; this needs a ${state} edition`, { state: row.state });
  }

  /** Applies a change to the edition at `version` with its audit event, in one transaction. */
  async function change(
    actor: Actor,
    row: WhitePaperDetailRow,
    patch: Parameters<ReturnType<typeof createWhitePaperRepo>['update']>[2],
    audit: { action: string; before?: unknown; after: unknown },
    notify?: (tx: DbOrTx, updated: WhitePaperDetailRow) => Promise<void>,
    version = row.version,
  ): Promise<WhitePaperDetail> {
    const updated = await deps.db.transaction(async (tx) => {
      const next = await createWhitePaperRepo(tx).update(row.id, version, { ...patch, updatedAt: deps.clock.now() });
      if (!next) throw staleVersion('white paper');
      await deps.audit.append(tx, actor, {
        action: audit.action,
        entityType: 'white_paper',
        entityId: row.id,
        ...(audit.before === undefined ? {} : { before: audit.before }),
        after: audit.after,
      });
      if (notify) await notify(tx, next);
      return next;
    });
    return presentDetail(updated);
  }

  return {
    async list(actor: Actor, query: WhitePaperListQuery): Promise<{ items: WhitePaper[]; total: number }> {
      whitePaperPolicy.authorize(actor, 'read');
      const page = await repo.findPage(query);
      return { items: page.items.map(presentEdition), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<WhitePaperDetail> {
      whitePaperPolicy.authorize(actor, 'read');
      return presentDetail(await load(id));
    },

    /** Drafts the edition of a period that has begun, numbered next in its year, with today's snapshot. */
    async create(actor: Actor, input: CreateWhitePaper): Promise<WhitePaperDetail> {
      whitePaperPolicy.authorize(actor, 'edit', WHOLE_CITY);
      const today = beijingDate(deps.clock.now());
      if (periodDates(input.year, input.period).start > today)
        throw fieldError('VALIDATION_FAILED', 'year', 'started', `${periodLabel(input.year, input.period)} has not begun yet`);
      const existing = await repo.findByPeriod(input.year, input.period);
      if (existing)
        throw refusal('CONFLICT', 'white_paper.period_exists', `this period already has an edition: ${existing.number}`, {
          number: existing.number,
        });
      const snapshot = await snapshotOf(actor, input.year, input.period);
      const row = await deps.db.transaction(async (tx) => {
        const txRepo = createWhitePaperRepo(tx);
        const sequence = await txRepo.nextSequence(input.year);
        const inserted = await txRepo.insert({
          year: input.year,
          sequence,
          period: input.period,
          number: editionNumber(input.year, sequence),
          title: editionTitle(input.year, input.period),
          asOf: snapshot.asOf,
          state: 'draft',
          snapshot,
          snapshotTakenAt: deps.clock.now(),
          commentary: {},
          createdById: actor.userId,
          createdByName: actor.displayName ?? actor.name,
          createdAt: deps.clock.now(),
          updatedAt: deps.clock.now(),
        });
        await deps.audit.append(tx, actor, {
          action: 'white_paper.create',
          entityType: 'white_paper',
          entityId: inserted.id,
          after: { number: inserted.number, year: input.year, period: input.period, asOf: snapshot.asOf },
        });
        return inserted;
      });
      return presentDetail(row);
    },

    /** The city's commentary of one chapter, while the edition is a draft. */
    async updateChapter(actor: Actor, id: string, chapter: WhitePaperChapter, input: UpdateWhitePaperChapter): Promise<WhitePaperDetail> {
      whitePaperPolicy.authorize(actor, 'edit', WHOLE_CITY);
      const row = await load(id);
      mustBe(row, 'draft');
      const commentary = input.commentary.trim();
      return change(
        actor,
        row,
        { commentary: { ...row.commentary, [chapter]: commentary } },
        { action: 'white_paper.comment', before: { chapter, commentary: row.commentary[chapter] ?? '' }, after: { chapter, commentary } },
        undefined,
        input.version,
      );
    },

    /** Takes the snapshot again (drafts only: a submitted edition is reviewed on the figures it was submitted with). */
    async refresh(actor: Actor, id: string): Promise<WhitePaperDetail> {
      whitePaperPolicy.authorize(actor, 'edit', WHOLE_CITY);
      const row = await load(id);
      mustBe(row, 'draft');
      const snapshot = await snapshotOf(actor, row.year, row.period);
      return change(
        actor,
        row,
        { snapshot, asOf: snapshot.asOf, snapshotTakenAt: deps.clock.now() },
        {
          action: 'white_paper.refresh',
          before: { asOf: row.asOf, takenAt: row.snapshot.takenAt },
          after: { asOf: snapshot.asOf, takenAt: snapshot.takenAt },
        },
      );
    },

    async submit(actor: Actor, id: string): Promise<WhitePaperDetail> {
      whitePaperPolicy.authorize(actor, 'edit', WHOLE_CITY);
      const row = await load(id);
      mustBe(row, 'draft');
      return change(
        actor,
        row,
        { state: 'in_review', submittedById: actor.userId, reviewComment: null },
        { action: 'white_paper.submit', before: { state: row.state }, after: { state: 'in_review' } },
        (tx, next) => notifySubmitted(deps.notifications, tx, next, actor),
      );
    },

    /** The reviewer sends the edition back to draft with a comment for its editors. */
    async returnToDraft(actor: Actor, id: string, comment: string): Promise<WhitePaperDetail> {
      whitePaperPolicy.authorize(actor, 'publish', WHOLE_CITY);
      const row = await load(id);
      mustBe(row, 'in_review');
      return change(
        actor,
        row,
        { state: 'draft', reviewComment: comment },
        { action: 'white_paper.return', before: { state: row.state }, after: { state: 'draft', comment } },
        (tx, next) => notifyReturned(deps.notifications, tx, next, comment, actor),
      );
    },

    /**
     * The reviewer approves: the edition is dated, its HTML and PDF are rendered from the snapshot
     * and kept with it; from then on nothing changes it. A submitter does not approve their own edition.
     */
    async publish(actor: Actor, id: string): Promise<WhitePaperDetail> {
      whitePaperPolicy.authorize(actor, 'publish', WHOLE_CITY);
      const row = await load(id);
      mustBe(row, 'in_review');
      if (row.submittedById && row.submittedById === actor.userId)
        throw refusal('FORBIDDEN', 'white_paper.own_submission', 'an edition is published by a reviewer other than its submitter');
      const issuedOn = beijingDate(deps.clock.now());
      const model = documentOf(row, issuedOn);
      const html = renderHtml(model);
      const pdf = await renderPdf(model);
      return change(
        actor,
        row,
        { state: 'published', issuedOn, html, pdf, pdfBytes: pdf.length, publishedByName: actor.displayName ?? actor.name },
        {
          action: 'white_paper.publish',
          before: { state: row.state },
          after: { state: 'published', number: row.number, issuedOn, pdfBytes: pdf.length },
        },
        (tx, next) => notifyPublished(deps.notifications, tx, next, actor),
      );
    },

    /** A draft rendered from its snapshot as it stands; a published edition as kept. */
    async html(actor: Actor, id: string): Promise<string> {
      whitePaperPolicy.authorize(actor, 'read');
      const row = await load(id);
      if (row.state === 'published') return (await repo.findHtml(id))?.html ?? '';
      return renderHtml(documentOf(row, null));
    },

    async listPublished(): Promise<PublishedWhitePaper[]> {
      return (await repo.findPublished()).map(presentPublished);
    },

    async getPublished(slug: string): Promise<PublishedWhitePaper> {
      const { year, sequence } = parseSlug(slug);
      const row = await repo.findPublishedBySlug(year, sequence);
      if (!row) throw notFound('white paper');
      return presentPublished(row);
    },

    async publishedHtml(slug: string): Promise<string> {
      const { year, sequence } = parseSlug(slug);
      const row = await repo.findPublishedFile(year, sequence);
      if (!row?.html) throw notFound('white paper');
      return row.html;
    },

    async publishedPdf(slug: string): Promise<{ pdf: Buffer; filename: string }> {
      const { year, sequence } = parseSlug(slug);
      const row = await repo.findPublishedFile(year, sequence);
      if (!row?.pdf) throw notFound('white paper');
      return { pdf: row.pdf, filename: `white-paper-${slug}.pdf` };
    },
  };
}

export type WhitePaperService = ReturnType<typeof createWhitePaperService>;
