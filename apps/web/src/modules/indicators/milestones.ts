/** Annual milestones as the drawer edits them: one `YYYY-MM-DD=value` per line. */
export function formatMilestones(milestones: Record<string, number> | null | undefined): string {
  return Object.entries(milestones ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, value]) => `${date}=${value}`)
    .join('\n');
}

/** The milestones in a text, null when it is empty, or undefined when a line is not `date=value`. */
export function parseMilestones(text: string | undefined): Record<string, number> | null | undefined {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return null;
  const out: Record<string, number> = {};
  for (const line of lines) {
    const match = line.match(/^(\d{4}-\d{2}-\d{2})\s*[=:：]\s*(-?\d+(?:\.\d+)?)$/);
    if (!match?.[1] || !match[2] || Number.isNaN(Date.parse(match[1]))) return undefined;
    out[match[1]] = Number(match[2]);
  }
  return out;
}
