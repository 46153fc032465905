/** Figures by counter → date → district id ('*' for the whole scope); an absent cell has no rows. */
export type ValueGrid = Map<string, Map<string, Map<string, number>>>;

/** Builds the grid from the rows of a GROUPING SETS statement (`whole` = 1 on the scope's rows). */
export function gridFromRows(rows: GridRow[]): ValueGrid {
  const grid: ValueGrid = new Map();
  for (const row of rows) {
    const byDate = grid.get(row.counter) ?? new Map<string, Map<string, number>>();
    grid.set(row.counter, byDate);
    const byDistrict = byDate.get(row.date) ?? new Map<string, number>();
    byDate.set(row.date, byDistrict);
    byDistrict.set(Number(row.whole) === 1 ? '*' : (row.district_id ?? '?'), Number(row.n));
  }
  return grid;
}

/** One GROUPING SETS row: a figure on a date, for one district or (whole = 1) the scope. */
export interface GridRow extends Record<string, unknown> {
  counter: string;
  date: string;
  district_id: string | null;
  whole: number;
  n: number;
}
