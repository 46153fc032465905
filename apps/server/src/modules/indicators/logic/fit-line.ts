/** y = intercept + slope · x, fitted by ordinary least squares. */
export interface Line {
  intercept: number;
  slope: number;
}

/** Least-squares line through the points; null with fewer than two distinct x values. */
export function fitLine(points: ReadonlyArray<{ x: number; y: number }>): Line | null {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const { x, y } of points) {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}
