/**
 * Handle.Net's Basic identity for the REST API: `Authorization: Basic base64("300%3A<prefix>/<user>:<secret>")`,
 * i.e. the admin handle `<prefix>/<user>` at index 300, with the colon of `300:` percent-encoded so it
 * is not taken for the password separator. Here `<user>` names a platform API token and `<secret>`
 * is that token (ADR 0008).
 */
export interface HandleIdentity {
  index: number;
  adminHandle: string;
  prefix: string;
  user: string;
  secret: string;
}

export function parseHandleBasic(header: string): HandleIdentity | null {
  if (!/^Basic\s+/i.test(header)) return null;
  let decoded: string;
  try {
    decoded = Buffer.from(header.replace(/^Basic\s+/i, '').trim(), 'base64').toString('utf8');
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  let id: string;
  try {
    id = decodeURIComponent(decoded.slice(0, colon));
  } catch {
    return null;
  }
  const secret = decoded.slice(colon + 1);
  const m = /^(\d+):(([^/]+)\/(.+))$/.exec(id);
  if (!m || !secret) return null;
  return { index: Number(m[1]), adminHandle: m[2] as string, prefix: m[3] as string, user: m[4] as string, secret };
}
