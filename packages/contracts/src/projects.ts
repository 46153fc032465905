import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema, sortOf } from './common.js';

/** Lifecycle of a "5G+工业互联网" project (issue #3 item 2); transitions live in rules/project-lifecycle.ts. */
export const PROJECT_STATES = [
  'draft',
  'submitted',
  'returned',
  'city_review',
  'rejected',
  'approved',
  'under_construction',
  'built',
  'accepted',
  'cancelled',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const PROJECT_ACTIONS = [
  'submit',
  'forward',
  'return',
  'approve',
  'reject',
  'start_construction',
  'complete',
  'accept',
  'cancel',
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

export const NETWORK_MODES = ['virtual', 'hybrid', 'dedicated'] as const;
export const SCENARIO_CATEGORIES = ['auxiliary', 'main_production'] as const;
export const ATTACHMENT_KINDS = ['declaration', 'acceptance_report', 'photo', 'other'] as const;

const DATE = IsoDateSchema;
/** Money in 万元 as a decimal string with at most two decimals; never a float. */
export const MoneySchema = z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'money: a non-negative amount in 万元 with at most two decimals');

export const ProjectScenarioSchema = z
  .object({
    /** A code from the scenario code list, or null for a custom scenario named in customName. */
    code: z.string().max(32).nullable(),
    customName: z.string().trim().min(1).max(64).nullable().optional(),
    category: z.enum(SCENARIO_CATEGORIES),
  })
  .strict()
  .refine((s) => (s.code === null) !== (s.customName == null), { message: 'give either a scenario code or a custom name', path: ['code'] });
export type ProjectScenario = z.infer<typeof ProjectScenarioSchema>;

export const ProjectAttachmentSchema = z.object({
  fileId: z.uuid(),
  kind: z.enum(ATTACHMENT_KINDS),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type ProjectAttachment = z.infer<typeof ProjectAttachmentSchema>;

export const FILING_ID_RULE = 'filingId: the national platform filing id, 6 to 40 letters, digits or -';
export const FilingIdSchema = z.string().regex(/^[A-Za-z0-9-]{6,40}$/, FILING_ID_RULE);

const editable = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(8000).nullable().optional(),
  districtId: z.uuid().optional(),
  filingId: FilingIdSchema.nullable().optional(),
  scenarios: z.array(ProjectScenarioSchema).max(40).optional(),
  operatorId: z.uuid().nullable().optional(),
  networkMode: z.enum(NETWORK_MODES).nullable().optional(),
  investmentTotal: MoneySchema.nullable().optional(),
  investment5g: MoneySchema.nullable().optional(),
  plannedStart: DATE.nullable().optional(),
  plannedEnd: DATE.nullable().optional(),
  actualStart: DATE.nullable().optional(),
  actualEnd: DATE.nullable().optional(),
  attachments: z
    .array(z.object({ fileId: z.uuid(), kind: z.enum(ATTACHMENT_KINDS) }).strict())
    .max(50)
    .optional(),
};

function checkProject(p: Record<string, unknown>, ctx: z.RefinementCtx) {
  const pairs: Array<[string, string]> = [
    ['plannedStart', 'plannedEnd'],
    ['actualStart', 'actualEnd'],
  ];
  for (const [start, end] of pairs) {
    const a = p[start] as string | null | undefined;
    const b = p[end] as string | null | undefined;
    if (a && b && b < a) ctx.addIssue({ code: 'custom', path: [end], message: `${end} must not be before ${start}` });
  }
  const total = p.investmentTotal as string | null | undefined;
  const fiveG = p.investment5g as string | null | undefined;
  if (total && fiveG && Number(fiveG) > Number(total)) {
    ctx.addIssue({ code: 'custom', path: ['investment5g'], message: 'investment5g must not exceed investmentTotal' });
  }
}

export const CreateProjectSchema = z
  .object({ enterpriseId: z.uuid().optional(), ...editable })
  .strict()
  .superRefine(checkProject);
export type CreateProject = z.infer<typeof CreateProjectSchema>;

export const UpdateProjectSchema = z
  .object({ version: z.number().int(), ...editable, title: editable.title.optional() })
  .strict()
  .superRefine(checkProject);
export type UpdateProject = z.infer<typeof UpdateProjectSchema>;

export const ProjectTransitionInputSchema = z
  .object({
    version: z.number().int(),
    action: z.enum(PROJECT_ACTIONS),
    comment: z.string().trim().max(2000).optional(),
    /** Dates that an action records: actualStart for start_construction, actualEnd for complete. */
    date: DATE.optional(),
  })
  .strict();
export type ProjectTransitionInput = z.infer<typeof ProjectTransitionInputSchema>;

export const ProjectEventSchema = z.object({
  id: z.uuid(),
  action: z.enum(PROJECT_ACTIONS).or(z.literal('create')),
  fromState: z.enum(PROJECT_STATES).nullable(),
  toState: z.enum(PROJECT_STATES),
  comment: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  occurredAt: z.string(),
});
export type ProjectEvent = z.infer<typeof ProjectEventSchema>;

export const ProjectSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
  filingId: z.string().nullable(),
  state: z.enum(PROJECT_STATES),
  scenarios: z.array(
    z.object({ code: z.string().nullable(), customName: z.string().nullable(), name: z.string(), category: z.enum(SCENARIO_CATEGORIES) }),
  ),
  operatorId: z.uuid().nullable(),
  operatorName: z.string().nullable(),
  networkMode: z.enum(NETWORK_MODES).nullable(),
  investmentTotal: z.string().nullable(),
  investment5g: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  attachments: z.array(ProjectAttachmentSchema),
  /** Actions the caller may take now, so the console shows only real buttons. */
  allowedActions: z.array(z.enum(PROJECT_ACTIONS)),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof ProjectSchema>;

export const ProjectListQuerySchema = ListQuerySchema.extend({
  sort: sortOf(['createdAt', 'updatedAt', 'title', 'code', 'state', 'plannedStart']),
  status: z.enum(PROJECT_STATES).optional(),
  districtId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  scenario: z.string().max(32).optional(),
  clusterCode: z.string().max(32).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
}).strict();
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;
