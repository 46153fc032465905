/**
 * Where `?redirect` may send a browser (issue #11 item 7): an absolute http or https URL with a
 * host, and nothing else. A handle's URL values are its owner's words; the platform does not vet
 * the sites they name, but it never turns one into a `javascript:`, `data:`, `file:` or other
 * scheme's navigation, nor into a header with line breaks.
 */

/** The URL to redirect to for a stored URL value (normalised by WHATWG URL), or null when it is not http(s). */
export function redirectableUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url.href;
}
