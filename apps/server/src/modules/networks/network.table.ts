import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { confirmationColumns } from '../../platform/confirmation/confirmation.js';
import { factory } from '../factories/factory.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { project } from '../projects/project.table.js';

/**
 * A 5G private network (5G行业虚拟专网, issue #14 item 1): kept by its operator for an enterprise,
 * counted in one district once that district confirmed it. Later telemetry tables (devices, SLA
 * profiles, alarms) reference `private_network.id`; its sites place it on the map.
 */
export const privateNetwork = pgTable(
  'private_network',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    mode: text('mode', { enum: ['virtual', 'hybrid', 'dedicated'] }).notNull(),
    bands: text('bands').array().notNull(),
    upfLocation: text('upf_location', { enum: ['operator_edge', 'enterprise_premises'] }).notNull(),
    state: text('state', { enum: ['planned', 'building', 'in_service', 'retired'] }).notNull(),
    inServiceOn: date('in_service_on'),
    retiredOn: date('retired_on'),
    contractStart: date('contract_start'),
    contractEnd: date('contract_end'),
    isDemo: boolean('is_demo').notNull().default(false),
    ...confirmationColumns(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('private_network_enterprise_id_idx').on(t.enterpriseId),
    index('private_network_operator_id_idx').on(t.operatorId),
    index('private_network_district_id_idx').on(t.districtId),
    index('private_network_confirmation_idx').on(t.confirmationState, t.districtId),
    index('private_network_confirmation_file_id_idx').on(t.confirmationFileId),
  ],
);

/** Where the network reaches: one row per site (a plant, a park, a port terminal …). */
export const networkSite = pgTable(
  'network_site',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => privateNetwork.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    address: text('address').notNull(),
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.position] }), index('network_site_district_id_idx').on(t.districtId)],
);

/** The network's slices: S-NSSAI (SST, optional SD) and the 5QI of their main flow. */
export const networkSlice = pgTable(
  'network_slice',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => privateNetwork.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    sst: integer('sst').notNull(),
    sd: text('sd'),
    fiveQi: integer('five_qi').notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.position] })],
);

/** An edge computing node (MEC) serving the network; T-INF-2 counts the commissioned ones of confirmed networks. */
export const edgeNode = pgTable(
  'edge_node',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    networkId: uuid('network_id')
      .notNull()
      .references(() => privateNetwork.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    location: text('location').notNull(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => organisation.id),
    cpuCores: integer('cpu_cores'),
    memoryGb: integer('memory_gb'),
    gpuCount: integer('gpu_count'),
    commissionedOn: date('commissioned_on'),
  },
  (t) => [index('edge_node_network_id_idx').on(t.networkId, t.position), index('edge_node_operator_id_idx').on(t.operatorId)],
);

export const networkProject = pgTable(
  'network_project',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => privateNetwork.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.projectId] }), index('network_project_project_id_idx').on(t.projectId)],
);

export const networkFactory = pgTable(
  'network_factory',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => privateNetwork.id, { onDelete: 'cascade' }),
    factoryId: uuid('factory_id')
      .notNull()
      .references(() => factory.id),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.factoryId] }), index('network_factory_factory_id_idx').on(t.factoryId)],
);
