/** Month ends of a series: the indicator series is one point per month. */
/** Month ends (or `until` for the current month) from the month of `from` to the month of `until`. */
export function monthEnds(from: string, until: string): Array<{ period: string; date: string }> {
  const out: Array<{ period: string; date: string }> = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const period = `${year}${String(month).padStart(2, '0')}`;
    if (end >= until) {
      out.push({ period, date: until });
      return out;
    }
    out.push({ period, date: end });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
