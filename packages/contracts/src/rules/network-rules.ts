/**
 * 5G private networks (issue #14 item 1): the lifecycle and the slice rules, pure and shared by the
 * server (which enforces them) and the console (which offers only what they allow).
 */

export const NETWORK_STATES = ['planned', 'building', 'in_service', 'retired'] as const;
export type NetworkState = (typeof NETWORK_STATES)[number];

export const NETWORK_ACTIONS = ['start_building', 'go_live', 'retire'] as const;
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];

/** planned → building → in_service → retired; a network may be retired from any earlier state (abandoned plans too). */
export const NETWORK_TRANSITIONS: ReadonlyArray<{ action: NetworkAction; from: readonly NetworkState[]; to: NetworkState }> = [
  { action: 'start_building', from: ['planned'], to: 'building' },
  { action: 'go_live', from: ['building'], to: 'in_service' },
  { action: 'retire', from: ['planned', 'building', 'in_service'], to: 'retired' },
];

/** The state `action` leads to from `state`, or null when the lifecycle does not allow it. */
export function nextNetworkState(state: NetworkState, action: NetworkAction): NetworkState | null {
  return NETWORK_TRANSITIONS.find((t) => t.action === action && t.from.includes(state))?.to ?? null;
}

/** The lifecycle actions open from `state`, in the lifecycle's order. */
export function networkActionsFrom(state: NetworkState): NetworkAction[] {
  return NETWORK_TRANSITIONS.filter((t) => t.from.includes(state)).map((t) => t.action);
}

/** The steps the console draws, in order (retired last). */
export const NETWORK_STEPS: readonly NetworkState[] = NETWORK_STATES;

/**
 * Standardized 5QI values (3GPP TS 23.501 Table 5.7.4-1, Release 17): resource type and packet
 * delay budget. Only these may be given for a slice; operator-specific values (128–254) are not
 * accepted because nobody reading the record could tell what they mean.
 */
export const STANDARD_5QI: ReadonlyArray<{ value: number; resourceType: 'gbr' | 'non_gbr' | 'delay_critical_gbr'; delayBudgetMs: number }> =
  [
    { value: 1, resourceType: 'gbr', delayBudgetMs: 100 },
    { value: 2, resourceType: 'gbr', delayBudgetMs: 150 },
    { value: 3, resourceType: 'gbr', delayBudgetMs: 50 },
    { value: 4, resourceType: 'gbr', delayBudgetMs: 300 },
    { value: 65, resourceType: 'gbr', delayBudgetMs: 75 },
    { value: 66, resourceType: 'gbr', delayBudgetMs: 100 },
    { value: 67, resourceType: 'gbr', delayBudgetMs: 100 },
    { value: 71, resourceType: 'gbr', delayBudgetMs: 150 },
    { value: 72, resourceType: 'gbr', delayBudgetMs: 300 },
    { value: 73, resourceType: 'gbr', delayBudgetMs: 300 },
    { value: 74, resourceType: 'gbr', delayBudgetMs: 500 },
    { value: 76, resourceType: 'gbr', delayBudgetMs: 500 },
    { value: 5, resourceType: 'non_gbr', delayBudgetMs: 100 },
    { value: 6, resourceType: 'non_gbr', delayBudgetMs: 300 },
    { value: 7, resourceType: 'non_gbr', delayBudgetMs: 100 },
    { value: 8, resourceType: 'non_gbr', delayBudgetMs: 300 },
    { value: 9, resourceType: 'non_gbr', delayBudgetMs: 300 },
    { value: 10, resourceType: 'non_gbr', delayBudgetMs: 1100 },
    { value: 69, resourceType: 'non_gbr', delayBudgetMs: 60 },
    { value: 70, resourceType: 'non_gbr', delayBudgetMs: 200 },
    { value: 79, resourceType: 'non_gbr', delayBudgetMs: 50 },
    { value: 80, resourceType: 'non_gbr', delayBudgetMs: 10 },
    { value: 82, resourceType: 'delay_critical_gbr', delayBudgetMs: 10 },
    { value: 83, resourceType: 'delay_critical_gbr', delayBudgetMs: 10 },
    { value: 84, resourceType: 'delay_critical_gbr', delayBudgetMs: 30 },
    { value: 85, resourceType: 'delay_critical_gbr', delayBudgetMs: 5 },
    { value: 86, resourceType: 'delay_critical_gbr', delayBudgetMs: 5 },
    { value: 87, resourceType: 'delay_critical_gbr', delayBudgetMs: 5 },
    { value: 88, resourceType: 'delay_critical_gbr', delayBudgetMs: 10 },
    { value: 89, resourceType: 'delay_critical_gbr', delayBudgetMs: 15 },
    { value: 90, resourceType: 'delay_critical_gbr', delayBudgetMs: 20 },
  ];

const STANDARD_5QI_VALUES = new Set(STANDARD_5QI.map((q) => q.value));

/** Whether `value` is a standardized 5QI. */
export function isStandard5qi(value: number): boolean {
  return STANDARD_5QI_VALUES.has(value);
}

/** Slice problems, by rule code (the console words each). */
export type SliceRule = 'sst_range' | 'sd_format' | 'sd_reserved' | 'five_qi_standard';

/**
 * Checks one S-NSSAI and its 5QI (TS 23.003 §28.4.2): SST 1–255 (0 is not a service type), SD
 * exactly six hexadecimal digits when given, and not FFFFFF, which TS 23.003 reserves for "no SD";
 * the 5QI from the standardized table. Returns the first broken rule with its field, or null.
 */
export function checkSlice(slice: {
  sst: number;
  sd?: string | null;
  fiveQi: number;
}): { field: 'sst' | 'sd' | 'fiveQi'; rule: SliceRule } | null {
  if (!Number.isInteger(slice.sst) || slice.sst < 1 || slice.sst > 255) return { field: 'sst', rule: 'sst_range' };
  if (slice.sd != null && slice.sd !== '') {
    if (!/^[0-9A-Fa-f]{6}$/.test(slice.sd)) return { field: 'sd', rule: 'sd_format' };
    if (slice.sd.toUpperCase() === 'FFFFFF') return { field: 'sd', rule: 'sd_reserved' };
  }
  if (!isStandard5qi(slice.fiveQi)) return { field: 'fiveQi', rule: 'five_qi_standard' };
  return null;
}

/** The S-NSSAI as operators write it: `SST-SD` in hex (e.g. `01-00A1B2`), or the SST alone. */
export function formatSnssai(slice: { sst: number; sd?: string | null }): string {
  const sst = slice.sst.toString(16).toUpperCase().padStart(2, '0');
  return slice.sd ? `${sst}-${slice.sd.toUpperCase()}` : sst;
}
