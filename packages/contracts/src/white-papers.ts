import { z } from 'zod';
import { ListQuerySchema } from './common.js';
import { INDICATOR_GROUPS, INDICATOR_STATUSES } from './indicators.js';

/** The white paper (白皮书, issue #16 item 4): yearly and half-yearly editions, reviewed and published. */
export const WHITE_PAPER_PERIODS = ['year', 'h1', 'h2'] as const;
export type WhitePaperPeriod = (typeof WHITE_PAPER_PERIODS)[number];

export const WHITE_PAPER_STATES = ['draft', 'in_review', 'published'] as const;
export type WhitePaperState = (typeof WHITE_PAPER_STATES)[number];

/** The chapters every edition has, in order; each carries the city's commentary. */
export const WHITE_PAPER_CHAPTERS = ['overview', 'districts', 'projects', 'factories', 'networks', 'security', 'funds'] as const;
export type WhitePaperChapter = (typeof WHITE_PAPER_CHAPTERS)[number];

/** The public address of an edition: `<year>-<sequence>`, e.g. 2026-1 for 穗联白皮书〔2026〕第1号. */
export const WHITE_PAPER_SLUG = /^20\d{2}-[1-9]\d{0,2}$/;
export const WhitePaperSlugParamsSchema = z.object({ slug: z.string().regex(WHITE_PAPER_SLUG) }).strict();

export const CreateWhitePaperSchema = z
  .object({ year: z.number().int().min(2024).max(2030), period: z.enum(WHITE_PAPER_PERIODS) })
  .strict();
export type CreateWhitePaper = z.infer<typeof CreateWhitePaperSchema>;

export const WhitePaperChapterParamsSchema = z.object({ id: z.uuid(), chapter: z.enum(WHITE_PAPER_CHAPTERS) }).strict();
export const UpdateWhitePaperChapterSchema = z.object({ commentary: z.string().max(5000), version: z.number().int().min(1) }).strict();
export type UpdateWhitePaperChapter = z.infer<typeof UpdateWhitePaperChapterSchema>;

export const ReturnWhitePaperSchema = z.object({ comment: z.string().trim().min(1).max(2000) }).strict();
export const WhitePaperListQuerySchema = ListQuerySchema.extend({ state: z.enum(WHITE_PAPER_STATES).optional() }).strict();
export type WhitePaperListQuery = z.infer<typeof WhitePaperListQuerySchema>;

const Count = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

/** The figures of an edition, taken when drafted or refreshed and frozen at publication. Money as decimal strings. */
export const WhitePaperSnapshotSchema = z.object({
  asOf: z.string(),
  takenAt: z.string(),
  targets: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      group: z.enum(INDICATOR_GROUPS),
      unit: z.string(),
      value: z.number().nullable(),
      target: z.number(),
      progress: z.number().nullable(),
      status: z.enum(INDICATOR_STATUSES),
    }),
  ),
  districts: z.array(
    z.object({
      name: z.string(),
      overallProgress: z.number(),
      factories: z.number().int(),
      networks: z.number().int(),
      openFindings: z.number().int(),
    }),
  ),
  projects: z.object({ total: z.number().int(), byState: z.array(Count) }),
  cases: z.array(z.object({ subject: z.string(), enterpriseName: z.string(), districtName: z.string(), benefits: z.string() })),
  factories: z.object({ total: z.number().int(), byLevel: z.array(Count), countingTowardTarget: z.number().int() }),
  networks: z.object({ total: z.number().int(), byState: z.array(Count), edgeNodes: z.number().int() }),
  security: z.object({
    openByGrade: z.array(Count),
    monthly: z.array(z.object({ month: z.string(), detected: z.number().int(), closed: z.number().int() })),
    meanTimeToRemediateDays: z.number().nullable(),
    closedWithinSla: z.number().nullable(),
  }),
  funds: z.object({
    programmes: z.array(
      z.object({ name: z.string(), policyBasis: z.string(), budget: z.string(), awarded: z.string(), applications: z.number().int() }),
    ),
    awarded: z.string(),
    disbursed: z.string(),
    awards: z.number().int(),
  }),
});
export type WhitePaperSnapshot = z.infer<typeof WhitePaperSnapshotSchema>;

export const WhitePaperSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  slug: z.string(),
  year: z.number().int(),
  period: z.enum(WHITE_PAPER_PERIODS),
  title: z.string(),
  asOf: z.string(),
  state: z.enum(WHITE_PAPER_STATES),
  reviewComment: z.string().nullable(),
  snapshotTakenAt: z.string(),
  issuedOn: z.string().nullable(),
  pdfBytes: z.number().int().nullable(),
  createdByName: z.string(),
  publishedByName: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type WhitePaper = z.infer<typeof WhitePaperSchema>;

export const WhitePaperDetailSchema = WhitePaperSchema.extend({
  commentary: z.record(z.enum(WHITE_PAPER_CHAPTERS), z.string()),
  snapshot: WhitePaperSnapshotSchema,
});
export type WhitePaperDetail = z.infer<typeof WhitePaperDetailSchema>;

/** A published edition as the portal lists it: no people, no review trail. */
export const PublishedWhitePaperSchema = WhitePaperSchema.pick({
  number: true,
  slug: true,
  year: true,
  period: true,
  title: true,
  asOf: true,
  issuedOn: true,
  pdfBytes: true,
});
export type PublishedWhitePaper = z.infer<typeof PublishedWhitePaperSchema>;
