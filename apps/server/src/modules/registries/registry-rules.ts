import { REGISTRY_KIND_FIELD, type RegistryKey } from '@suilian/contracts';

/** The columns a record's data promotes: what filters and indicators read without opening the JSON. */
export function promotedFields(
  registry: RegistryKey,
  data: Record<string, unknown>,
): { kind: string | null; quantity: number | null; uniqueKey: string | null } {
  const kindField = REGISTRY_KIND_FIELD[registry];
  const kind = kindField && typeof data[kindField] === 'string' ? (data[kindField] as string) : null;
  let quantity: number | null = null;
  if (registry === 'events' && typeof data.attendance === 'number') quantity = data.attendance;
  if (registry === 'trainings' && Array.isArray(data.trainees))
    quantity = (data.trainees as Array<{ completed?: boolean }>).filter((t) => t.completed).length;
  let uniqueKey: string | null = null;
  if (registry === 'patents' && typeof data.number === 'string') uniqueKey = data.number;
  if (registry === 'standards' && typeof data.number === 'string' && data.number.trim())
    uniqueKey = data.number.trim().toUpperCase().replace(/\s+/g, ' ');
  if (registry === 'products' && typeof data.model === 'string' && typeof data.vendor === 'string')
    uniqueKey = `${data.vendor}|${data.model}`.toUpperCase();
  return { kind, quantity, uniqueKey };
}

export const UNIQUE_FIELD: Partial<Record<RegistryKey, string>> = {
  patents: 'data.number',
  standards: 'data.number',
  products: 'data.model',
};
