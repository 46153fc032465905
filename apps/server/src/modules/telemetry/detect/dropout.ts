/**
 * Dropout: a gap in one metric's points much longer than its usual interval (the device still
 * talks, one of its metrics went missing — a loose sensor on a healthy gateway; a fully silent
 * device is the inactivity timer's case). The usual interval is learned from normal gaps. A gap
 * is seen when the next point arrives, so its score (gap ÷ usual interval) belongs to that point;
 * the condition clears after `clearPoints` regular points.
 */
export interface DropoutOptions {
  /** A gap of this many usual intervals is a dropout. */
  factor: number;
  warmup: number;
  clearPoints: number;
}

export interface DropoutState {
  lastTs: number;
  interval: number;
  seen: number;
  regular: number;
  raised: boolean;
}

export const newDropout = (): DropoutState => ({ lastTs: Number.NaN, interval: 0, seen: 0, regular: 0, raised: false });

/** 'raise' at the point ending a dropout, 'clear' once points are regular again, null otherwise; `gapMs` of the last dropout. */
export function stepDropout(s: DropoutState, ts: number, o: DropoutOptions): { change: 'raise' | 'clear' | null; gapMs: number } {
  const gap = ts - s.lastTs;
  s.lastTs = ts;
  if (!(gap > 0)) return { change: null, gapMs: 0 };
  if (s.seen >= o.warmup && gap > o.factor * s.interval) {
    s.regular = 0;
    if (s.raised) return { change: null, gapMs: gap };
    s.raised = true;
    return { change: 'raise', gapMs: gap };
  }
  s.seen++;
  s.interval = s.seen === 1 ? gap : s.interval + (gap - s.interval) / Math.min(s.seen, 50);
  if (s.raised && ++s.regular >= o.clearPoints) {
    s.raised = false;
    return { change: 'clear', gapMs: 0 };
  }
  return { change: null, gapMs: 0 };
}
