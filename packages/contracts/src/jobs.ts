import { z } from 'zod';

/** Long work followed by the client: queued → running → succeeded | failed. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JobSchema = z.object({
  id: z.uuid(),
  /** What the job does, e.g. `enterprise.import`; tells the client how to read `result`. */
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  /** Steps done out of `total`; written at most a few times a second while running. */
  progress: z.number().int(),
  total: z.number().int(),
  /** Why a job failed (or a short note while it runs). */
  message: z.string().nullable(),
  /** The job's outcome once succeeded; its shape depends on `kind` (see ImportResultSchema). */
  result: z.unknown().nullable(),
  createdById: z.uuid().nullable(),
  orgId: z.uuid(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const JobListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    kind: z.string().max(64).optional(),
    status: z.enum(JOB_STATUSES).optional(),
  })
  .strict();
export type JobListQuery = z.infer<typeof JobListQuerySchema>;

/** 202 answer of a request that started a job; follow it at GET /api/jobs/:id. */
export const JobAcceptedSchema = z.object({ jobId: z.uuid() });
export type JobAccepted = z.infer<typeof JobAcceptedSchema>;
