import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema, sortOf } from './common.js';
import { CONFIRMATION_STATES, ConfirmationSchema } from './confirmations.js';
import { NETWORK_MODES } from './projects.js';
import { checkSlice, NETWORK_ACTIONS, NETWORK_STATES } from './rules/network-rules.js';

/** The modes are the projects' code list (虚拟专网 / 混合专网 / 独立专网), one list for both. */
export type NetworkMode = (typeof NETWORK_MODES)[number];

/** NR bands the Chinese operators hold for 5G (n1/n28/n41/n78/n79, n258 millimetre wave trials). */
export const NETWORK_BANDS = ['n1', 'n28', 'n41', 'n78', 'n79', 'n258'] as const;
export type NetworkBand = (typeof NETWORK_BANDS)[number];

/** Where the user-plane function runs: the operator's edge (MEC room) or on the enterprise's premises. */
export const UPF_LOCATIONS = ['operator_edge', 'enterprise_premises'] as const;

/** What a user may do to a network: its lifecycle steps, editing, and the district's confirm / return. */
export const NETWORK_ALLOWED = [...NETWORK_ACTIONS, 'edit', 'confirm', 'return'] as const;

const coordinate = (min: number, max: number) => z.number().min(min).max(max).nullable().optional();

export const NetworkSiteSchema = z
  .object({
    districtId: z.uuid(),
    address: z.string().trim().min(1).max(256),
    longitude: coordinate(73, 136),
    latitude: coordinate(3, 54),
  })
  .strict();

export const NetworkSliceSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    sst: z.number().int(),
    sd: z.string().trim().max(6).nullable().optional(),
    fiveQi: z.number().int(),
  })
  .strict()
  .superRefine((slice, ctx) => {
    const problem = checkSlice(slice);
    if (problem)
      ctx.addIssue({ code: 'custom', path: [problem.field], message: `slice rule ${problem.rule}`, params: { rule: problem.rule } });
  });

export const EdgeNodeInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    location: z.string().trim().min(1).max(256),
    /** The operator running the node; the network's operator when absent. */
    operatorId: z.uuid().optional(),
    cpuCores: z.number().int().min(1).max(100_000).nullable().optional(),
    memoryGb: z.number().int().min(1).max(10_000_000).nullable().optional(),
    gpuCount: z.number().int().min(0).max(10_000).nullable().optional(),
    commissionedOn: IsoDateSchema.nullable().optional(),
  })
  .strict();

const editable = {
  name: z.string().trim().min(1).max(200),
  mode: z.enum(NETWORK_MODES),
  bands: z.array(z.enum(NETWORK_BANDS)).min(1).max(6),
  upfLocation: z.enum(UPF_LOCATIONS),
  /** The district the network counts in; the enterprise's district when absent. */
  districtId: z.uuid().optional(),
  contractStart: IsoDateSchema.nullable().optional(),
  contractEnd: IsoDateSchema.nullable().optional(),
  /** The day it went into service (for networks registered after the fact). */
  inServiceOn: IsoDateSchema.nullable().optional(),
  sites: z.array(NetworkSiteSchema).min(1).max(50),
  slices: z.array(NetworkSliceSchema).max(32),
  edgeNodes: z.array(EdgeNodeInputSchema).max(50),
  projectIds: z.array(z.uuid()).max(50),
  factoryIds: z.array(z.uuid()).max(50),
};

const contractOrder = (n: { contractStart?: string | null | undefined; contractEnd?: string | null | undefined }) =>
  !n.contractStart || !n.contractEnd || n.contractStart <= n.contractEnd;
const contractIssue = { message: 'the contract ends before it starts', path: ['contractEnd'], params: { rule: 'date_order' } };

export const CreateNetworkSchema = z
  .object({
    enterpriseId: z.uuid(),
    /** City administrators name the operator; an operator's own users register for their organisation. */
    operatorId: z.uuid().optional(),
    /** A network registered after the fact may start in any state but retired. */
    state: z.enum(['planned', 'building', 'in_service']).default('planned'),
    ...editable,
    slices: editable.slices.default([]),
    edgeNodes: editable.edgeNodes.default([]),
    projectIds: editable.projectIds.default([]),
    factoryIds: editable.factoryIds.default([]),
  })
  .strict()
  .refine(contractOrder, contractIssue);
export type CreateNetwork = z.input<typeof CreateNetworkSchema>;
export type CreateNetworkParsed = z.infer<typeof CreateNetworkSchema>;

export const UpdateNetworkSchema = z
  .object({
    version: z.number().int(),
    name: editable.name.optional(),
    mode: editable.mode.optional(),
    bands: editable.bands.optional(),
    upfLocation: editable.upfLocation.optional(),
    districtId: editable.districtId,
    contractStart: editable.contractStart,
    contractEnd: editable.contractEnd,
    inServiceOn: editable.inServiceOn,
    sites: editable.sites.optional(),
    slices: editable.slices.optional(),
    edgeNodes: editable.edgeNodes.optional(),
    projectIds: editable.projectIds.optional(),
    factoryIds: editable.factoryIds.optional(),
  })
  .strict()
  .refine(contractOrder, contractIssue);
export type UpdateNetwork = z.infer<typeof UpdateNetworkSchema>;

export const NetworkTransitionSchema = z
  .object({
    action: z.enum(NETWORK_ACTIONS),
    version: z.number().int(),
    /** The day of the step (going live, retiring); today when absent; never in the future. */
    date: IsoDateSchema.optional(),
  })
  .strict();
export type NetworkTransition = z.infer<typeof NetworkTransitionSchema>;

export const EdgeNodeSchema = z.object({
  id: z.uuid(),
  networkId: z.uuid(),
  networkName: z.string(),
  name: z.string(),
  location: z.string(),
  operatorId: z.uuid(),
  operatorName: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
  cpuCores: z.number().int().nullable(),
  memoryGb: z.number().int().nullable(),
  gpuCount: z.number().int().nullable(),
  commissionedOn: z.string().nullable(),
  /** The network's confirmation: a node counts toward T-INF-2 only on a confirmed network. */
  confirmationState: z.enum(CONFIRMATION_STATES),
});
export type EdgeNode = z.infer<typeof EdgeNodeSchema>;

export const NetworkSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  operatorId: z.uuid(),
  operatorName: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
  mode: z.enum(NETWORK_MODES),
  bands: z.array(z.enum(NETWORK_BANDS)),
  upfLocation: z.enum(UPF_LOCATIONS),
  state: z.enum(NETWORK_STATES),
  inServiceOn: z.string().nullable(),
  retiredOn: z.string().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  sites: z.array(
    z.object({
      districtId: z.uuid(),
      districtName: z.string(),
      address: z.string(),
      longitude: z.number().nullable(),
      latitude: z.number().nullable(),
    }),
  ),
  slices: z.array(
    z.object({ name: z.string(), sst: z.number().int(), sd: z.string().nullable(), fiveQi: z.number().int(), snssai: z.string() }),
  ),
  edgeNodes: z.array(EdgeNodeSchema),
  projects: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
  factories: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Counted toward T-INF-3 / T-INF-2 only once its district confirmed it. */
  confirmation: ConfirmationSchema,
  /** What the caller may do now (the lifecycle rule and their policy together). */
  allowedActions: z.array(z.enum(NETWORK_ALLOWED)),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Network = z.infer<typeof NetworkSchema>;

export const NetworkListQuerySchema = ListQuerySchema.extend({
  sort: sortOf(['name', 'createdAt', 'inServiceOn', 'state']),
  districtId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  operatorId: z.uuid().optional(),
  state: z.enum(NETWORK_STATES).optional(),
  mode: z.enum(NETWORK_MODES).optional(),
  confirmation: z.enum(CONFIRMATION_STATES).optional(),
}).strict();
export type NetworkListQuery = z.infer<typeof NetworkListQuerySchema>;

export const NetworkExportQuerySchema = NetworkListQuerySchema.omit({ page: true, pageSize: true }).strict();
export type NetworkExportQuery = z.infer<typeof NetworkExportQuerySchema>;

export const EdgeNodeListQuerySchema = ListQuerySchema.extend({
  districtId: z.uuid().optional(),
  operatorId: z.uuid().optional(),
  networkId: z.uuid().optional(),
}).strict();
export type EdgeNodeListQuery = z.infer<typeof EdgeNodeListQuerySchema>;
