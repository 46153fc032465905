import type { PublishedWhitePaper, WhitePaper, WhitePaperDetail } from '@suilian/contracts';
import { WHITE_PAPER_CHAPTERS } from '@suilian/contracts';
import type { WhitePaperDetailRow, WhitePaperListRow } from './white-paper.repo.js';

/** The public address of an edition: 2026-1 for 穗联白皮书〔2026〕第1号. */
export function slugOf(row: { year: number; sequence: number }): string {
  return `${row.year}-${row.sequence}`;
}

/** An edition as the console lists it. */
export function presentEdition(row: WhitePaperListRow): WhitePaper {
  return {
    id: row.id,
    number: row.number,
    slug: slugOf(row),
    year: row.year,
    period: row.period,
    title: row.title,
    asOf: row.asOf,
    state: row.state,
    reviewComment: row.reviewComment,
    snapshotTakenAt: row.snapshotTakenAt.toISOString(),
    issuedOn: row.issuedOn,
    pdfBytes: row.pdfBytes,
    createdByName: row.createdByName,
    publishedByName: row.publishedByName,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An edition with its commentary (every chapter, empty when unwritten) and snapshot. */
export function presentDetail(row: WhitePaperDetailRow): WhitePaperDetail {
  const commentary = Object.fromEntries(WHITE_PAPER_CHAPTERS.map((c) => [c, row.commentary[c] ?? ''])) as WhitePaperDetail['commentary'];
  return { ...presentEdition(row), commentary, snapshot: row.snapshot };
}

/** A published edition as the portal shows it: no names of people, no review trail. */
export function presentPublished(row: WhitePaperListRow): PublishedWhitePaper {
  return {
    number: row.number,
    slug: slugOf(row),
    year: row.year,
    period: row.period,
    title: row.title,
    asOf: row.asOf,
    issuedOn: row.issuedOn,
    pdfBytes: row.pdfBytes,
  };
}
