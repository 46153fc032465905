import type { dataRegistration, dataValue } from '../db/schema.js';

/** District sizes (share of the city's 5G sites), so industrial districts report more. */
const WEIGHT: Record<string, number> = {
  '440106': 1.6,
  '440112': 1.5,
  '440113': 1.2,
  '440111': 1.3,
  '440104': 1.0,
  '440105': 1.0,
  '440103': 0.7,
  '440114': 0.9,
  '440115': 0.9,
  '440118': 0.8,
  '440117': 0.4,
};

/**
 * Monthly district reports from the plan's first month to last month: 5G sites growing towards
 * 120,000, new private networks and edge nodes as flows; forms accepted up to two months back, the
 * last month partly in the workflow, one district late — so completeness has something to show.
 */
export function generateDemoReports(ctx: { random: () => number; now: Date; districts: Array<{ id: string; code: string }> }): {
  values: Array<typeof dataValue.$inferInsert>;
  registrations: Array<typeof dataRegistration.$inferInsert>;
} {
  const { random } = ctx;
  const values: Array<typeof dataValue.$inferInsert> = [];
  const registrations: Array<typeof dataRegistration.$inferInsert> = [];
  const months: string[] = [];
  for (let y = 2025, m = 9; ; m++) {
    if (m > 12) {
      m = 1;
      y++;
    }
    const end = new Date(Date.UTC(y, m, 1));
    if (end > ctx.now) break;
    months.push(`${y}${String(m).padStart(2, '0')}`);
  }
  const totalWeight = ctx.districts.reduce((s, d) => s + (WEIGHT[d.code] ?? 1), 0);
  ctx.districts.forEach((district, di) => {
    const share = (WEIGHT[district.code] ?? 1) / totalWeight;
    let sites = Math.round(94_000 * share);
    let fiveGA = Math.round(1_800 * share);
    let venue = Math.round(2_400 * share);
    let coverage = 91 + random() * 3;
    let rsu = Math.round(300 * share);
    months.forEach((period, mi) => {
      const lastMonth = mi === months.length - 1;
      if (lastMonth && di === ctx.districts.length - 1) return; // this district has not reported yet
      sites += Math.round(sites * (0.006 + random() * 0.006));
      fiveGA += Math.round(40 * share * (1 + random()));
      venue += Math.round(25 * share * random());
      coverage = Math.min(99.5, coverage + random() * 0.4);
      rsu += Math.round(8 * share * random());
      const macro = Math.round(sites * 0.68);
      const at = new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(4)), 5 + Math.floor(random() * 8)));
      const add = (code: string, value: number | string) =>
        values.push({ dataElementCode: code, period, orgId: district.id, value: String(value), storedBy: '演示·区级专员', updatedAt: at });
      add('BS5G_TOTAL', sites);
      add('BS5G_MACRO', macro);
      add('BS5G_SMALL', sites - macro);
      add('BS5GA', fiveGA);
      add('BS_VENUE', venue);
      add('FIBRE_GIGABIT_COVERAGE', coverage.toFixed(1));
      add('CV2X_RSU', rsu);
      add('PRIVNET_NEW', random() < share * 4 ? 1 + Math.floor(random() * 2) : 0);
      add('SME_VPN_PILOT_NEW', random() < 0.3 ? 1 : 0);
      add('EDGE_NODE_NEW', random() < 0.045 ? 1 : 0);
      const state =
        mi < months.length - 2 ? 'accepted' : lastMonth ? (di % 3 === 0 ? 'completed' : di % 3 === 1 ? 'approved' : null) : 'accepted';
      if (state) {
        registrations.push({
          dataSetCode: 'DISTRICT_MONTHLY',
          period,
          orgId: district.id,
          state,
          completedBy: '演示·区级专员',
          completedAt: at,
          approvedBy: state === 'completed' ? null : '演示·区级分管领导',
          approvedAt: state === 'completed' ? null : at,
          acceptedBy: state === 'accepted' ? '演示·市工信局' : null,
          acceptedAt: state === 'accepted' ? at : null,
        });
      }
    });
  });
  return { values, registrations };
}
