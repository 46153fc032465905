/**
 * Chart tooltips are HTML (ECharts puts a function formatter's string into the page as markup), and
 * what they show comes from records people can edit: a district named `从化区<img src=x onerror=…>`
 * must read as text, never become an element (issue #11 item 4). Formatters build their markup with
 * `html` below, which escapes every value it is given; only the template's own literal text is markup.
 * (ECharts' default tooltips, string templates and `valueFormatter` results are escaped by ECharts.)
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** A value as HTML text: `&`, `<`, `>`, quotes and backticks become entities; null and undefined become ''. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

/**
 * The tag for tooltip markup: html`${name}<br/>${value}` — the literal parts are the formatter's own
 * markup, every `${…}` is escaped, always (compose text first, then wrap it once; an `html` result
 * passed into another `html` is escaped again, by design: nothing is trusted by type).
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += escapeHtml(values[i]) + (strings[i + 1] ?? '');
  return out;
}
