/**
 * EWMA control chart (Roberts 1959) on a slowly learned baseline. The statistic
 * z = λx + (1-λ)z' is compared with the baseline mean μ in units of its own standard deviation
 * σ·√(λ/(2-λ)); small persistent shifts (steps, drifts) accumulate in z while single spikes are
 * damped. The baseline (μ, σ²) is learned exponentially and frozen while the chart is out of
 * control, so a fault does not teach the chart that it is normal.
 */
export interface EwmaOptions {
  /** Weight of the newest point in the chart statistic. */
  lambda: number;
  /** Weight of the newest point in the baseline (much smaller: the baseline moves slowly). */
  alpha: number;
  /** Points used to start the baseline before scoring. */
  warmup: number;
}

export interface EwmaState {
  n: number;
  mean: number;
  variance: number;
  z: number;
}

export const newEwma = (): EwmaState => ({ n: 0, mean: 0, variance: 0, z: 0 });

/** Relative floor of σ so a perfectly constant baseline does not divide by zero. */
const sigmaFloor = (mean: number) => 1e-6 * Math.abs(mean) + 1e-9;

/** Scores x (0 during warm-up); `learn` false freezes the baseline (the caller's condition is raised). */
export function scoreEwma(s: EwmaState, x: number, o: EwmaOptions, learn: boolean): number {
  if (s.n < o.warmup) {
    // Welford's running mean and variance for the first points.
    s.n++;
    const d = x - s.mean;
    s.mean += d / s.n;
    s.variance += (d * (x - s.mean) - s.variance) / s.n;
    s.z = s.mean;
    return 0;
  }
  s.z = o.lambda * x + (1 - o.lambda) * s.z;
  const sigma = Math.max(Math.sqrt(s.variance), sigmaFloor(s.mean));
  const score = Math.abs(s.z - s.mean) / (sigma * Math.sqrt(o.lambda / (2 - o.lambda)));
  if (learn) {
    const d = x - s.mean;
    s.mean += o.alpha * d;
    s.variance = (1 - o.alpha) * (s.variance + o.alpha * d * d);
  }
  return score;
}
