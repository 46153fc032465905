import type { PendingConfirmation } from '@suilian/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { OrgScope } from '../../platform/scope.js';
import { enterpriseHonour } from '../enterprises/enterprise.table.js';
import { factory } from '../factories/factory.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { registryRecord } from './registry.table.js';

/** A registry record of any registry, for confirming it. */
export async function findRecordForConfirmation(db: DbOrTx, id: string) {
  const [row] = await db.select().from(registryRecord).where(eq(registryRecord.id, id));
  return row ?? null;
}

/** Writes a record's confirmation fields if its version is still `version`; null when stale. */
export async function updateRecordConfirmation(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof registryRecord.$inferInsert>,
) {
  const [row] = await db
    .update(registryRecord)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(registryRecord.id, id), eq(registryRecord.version, version)))
    .returning();
  return row ?? null;
}

function districtFilter(scope: OrgScope, district: SQL, owner: SQL): SQL {
  if (scope.all) return sql`true`;
  if ('districtId' in scope) return sql`${district} = ${scope.districtId}`;
  return sql`${owner} = ${scope.orgId}`;
}

/**
 * Records declared by enterprises and waiting for their district's confirmation (issue #12
 * item 5): 5G factories, honours and registry records, oldest first, within `scope` (a district officer's
 * district, the whole city, or an organisation's own). For the confirmation list and the
 * workbench's "waiting for my confirmation".
 */
export async function pendingConfirmations(
  db: DbOrTx,
  scope: OrgScope,
  limit = 200,
): Promise<{ items: PendingConfirmation[]; total: number }> {
  const union = sql`
    SELECT 'factory' AS kind, f.id, NULL::text AS registry, f.name AS title, f.enterprise_id AS org_id, f.district_id,
           f.updated_at AS declared_at, f.version
      FROM ${factory} f
     WHERE f.confirmation_state = 'declared' AND ${districtFilter(scope, sql`f.district_id`, sql`f.enterprise_id`)}
    UNION ALL
    SELECT 'registry_record', r.id, r.registry, r.title, r.org_id, r.district_id, r.updated_at, r.version
      FROM ${registryRecord} r
     WHERE r.confirmation_state = 'declared' AND ${districtFilter(scope, sql`r.district_id`, sql`r.org_id`)}
    UNION ALL
    SELECT 'honour', h.id, h.honour_type, h.honour_type || ' ' || h.year, h.org_id, eo.district_id, h.created_at, h.version
      FROM ${enterpriseHonour} h JOIN ${organisation} eo ON eo.id = h.org_id
     WHERE h.confirmation_state = 'declared' AND ${districtFilter(scope, sql`eo.district_id`, sql`h.org_id`)}`;
  const rows = await db.execute<Record<string, unknown>>(sql`
    SELECT p.*, o.name AS org_name, count(*) OVER ()::int AS total
      FROM (${union}) p JOIN ${organisation} o ON o.id = p.org_id
     ORDER BY p.declared_at, p.id
     LIMIT ${limit}`);
  return {
    total: Number(rows.rows[0]?.total ?? 0),
    items: rows.rows.map((r) => ({
      kind: r.kind as PendingConfirmation['kind'],
      id: String(r.id),
      registry: (r.registry as string | null) ?? null,
      title: String(r.title),
      orgId: String(r.org_id),
      orgName: String(r.org_name),
      districtId: (r.district_id as string | null) ?? null,
      declaredAt: new Date(r.declared_at as string).toISOString(),
      version: Number(r.version),
    })),
  };
}
