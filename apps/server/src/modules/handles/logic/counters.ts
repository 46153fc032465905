/**
 * Resolution and registration counts per prefix and China Standard Time day, kept in memory and
 * drained in one statement by the flusher: no database write per resolution.
 */
export interface CounterRow {
  prefix: string;
  day: string;
  registrations: number;
  resolutions: number;
}

/** The day in Asia/Shanghai (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function chinaDay(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

export class DailyCounters {
  private rows = new Map<string, CounterRow>();

  add(prefix: string, day: string, kind: 'registrations' | 'resolutions', n = 1): void {
    const key = `${day}\u0000${prefix}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { prefix, day, registrations: 0, resolutions: 0 };
      this.rows.set(key, row);
    }
    row[kind] += n;
  }

  /** Takes every pending count and starts afresh (the caller writes them, or puts them back on failure). */
  drain(): CounterRow[] {
    const rows = [...this.rows.values()];
    this.rows = new Map();
    return rows;
  }

  /** The pending counts without taking them (statistics add this instance's unflushed counts). */
  peek(): CounterRow[] {
    return [...this.rows.values()].map((r) => ({ ...r }));
  }

  restore(rows: readonly CounterRow[]): void {
    for (const r of rows) {
      if (r.registrations) this.add(r.prefix, r.day, 'registrations', r.registrations);
      if (r.resolutions) this.add(r.prefix, r.day, 'resolutions', r.resolutions);
    }
  }

  get pending(): number {
    return this.rows.size;
  }
}
