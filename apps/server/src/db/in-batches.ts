/** Values per IN list (and rows per bulk INSERT), well under PostgreSQL's 65 535 parameters. */
export const BATCH = 1000;

/** Reads by a list of keys in IN lists of at most BATCH distinct non-empty values, concatenating the results. */
export async function inBatches<T>(values: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(values.filter(Boolean))];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += BATCH) out.push(...(await read(unique.slice(i, i + BATCH))));
  return out;
}
