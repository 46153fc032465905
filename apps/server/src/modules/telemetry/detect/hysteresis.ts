/** When a detector's score raises and clears its condition. */
export interface HysteresisOptions {
  /** A score at or above this, held for `raiseHoldMs`, raises. */
  raiseAt: number;
  /** A score below this, held for `clearHoldMs`, clears; lower than `raiseAt` so a noisy score near the limit does not flap. */
  clearAt: number;
  /** Minimum duration of the excursion before it raises (0: the first point raises — spikes are one point long). */
  raiseHoldMs: number;
  /** Minimum duration of calm before it clears. */
  clearHoldMs: number;
}

/** A condition's state: raised or not, and since when the score has pointed the other way. */
export interface HysteresisState {
  raised: boolean;
  pendingSince: number | null;
}

export const idleHysteresis = (): HysteresisState => ({ raised: false, pendingSince: null });

/**
 * One step of the two-threshold, minimum-duration switch: 'raise' or 'clear' when the condition
 * changes at this point, null otherwise. A score between the thresholds keeps the current state and
 * forgets a pending change (the excursion or the calm must be continuous).
 */
export function stepHysteresis(state: HysteresisState, score: number, ts: number, o: HysteresisOptions): 'raise' | 'clear' | null {
  const pushing = state.raised ? score < o.clearAt : score >= o.raiseAt;
  if (!pushing) {
    state.pendingSince = null;
    return null;
  }
  if (state.pendingSince === null) state.pendingSince = ts;
  if (ts - state.pendingSince < (state.raised ? o.clearHoldMs : o.raiseHoldMs)) return null;
  state.raised = !state.raised;
  state.pendingSince = null;
  return state.raised ? 'raise' : 'clear';
}
