import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inBatches } from '../../db/in-batches.js';
import type { Choice } from '../../platform/tabular/choices.js';
import { organisation } from './organisation.table.js';

/** An organisation as imports and exports name it. */
export interface OrgRef {
  id: string;
  kind: (typeof organisation.$inferSelect)['kind'];
  name: string;
  districtId: string | null;
  creditCode: string | null;
}

/** Bulk look-ups of organisations by the keys sheets use: credit codes, names, district names (imports, exports). */
export function createOrganisationLookup(db: DbOrTx) {
  const columns = {
    id: organisation.id,
    kind: organisation.kind,
    name: organisation.name,
    districtId: organisation.districtId,
    creditCode: organisation.creditCode,
  };
  const where = (column: typeof organisation.id | typeof organisation.creditCode | typeof organisation.name, values: string[]) =>
    inBatches(values, (chunk): Promise<OrgRef[]> => db.select(columns).from(organisation).where(inArray(column, chunk)));
  return {
    byIds: (ids: string[]) => where(organisation.id, ids),
    byCreditCodes: (codes: string[]) => where(organisation.creditCode, codes),
    byNames: (names: string[]) => where(organisation.name, names),

    /** The districts as choices: by name, by name without 区 (天河), or by division code (440106). */
    async districtChoices(): Promise<Choice[]> {
      const rows = await db
        .select({ id: organisation.id, name: organisation.name, divisionCode: organisation.divisionCode })
        .from(organisation)
        .where(eq(organisation.kind, 'district'))
        .orderBy(organisation.divisionCode);
      return rows.map((d) => ({ code: d.id, name: d.name, aliases: [d.divisionCode ?? '', d.name.replace(/区$/, '')].filter(Boolean) }));
    },
  };
}

export type OrganisationLookup = ReturnType<typeof createOrganisationLookup>;
