import { MAX_ADVISORY_BYTES, type RefusalReason } from '@suilian/contracts';
import { compareTrackingVersions, type IncomingAdvisory, incomingCsaf } from './advisory.incoming.js';
import { validateCsaf } from './csaf-validate.js';

/** A CSAF file read, validated and extracted, ready to write: the advisory without its parsed document, plus the text it came as. */
export type CheckedAdvisory = Omit<IncomingAdvisory, 'document'> & { raw: string };

/** What one file of a directory import turned out to be. */
export type CheckedFile =
  | { kind: 'advisory'; name: string; advisory: CheckedAdvisory }
  /** Already imported at this tracking version or a newer one: nothing to validate or write. */
  | { kind: 'current'; name: string; trackingId: string }
  | { kind: 'rejected'; name: string; reason: RefusalReason; messages: string[] };

/** Tracking id → the tracking version already imported (the directory import's resume path). */
export type KnownVersions = ReadonlyMap<string, string>;

const MIB = 1_048_576;

/** The tracking id and version a CSAF document states, if it states them. */
export function trackingOf(doc: unknown): { id: string; version: string } | null {
  const tracking = (doc as { document?: { tracking?: { id?: unknown; version?: unknown } } } | null)?.document?.tracking;
  return typeof tracking?.id === 'string' && typeof tracking.version === 'string'
    ? { id: tracking.id.trim(), version: tracking.version.trim() }
    : null;
}

/**
 * Reads one file of a directory import without throwing: size, UTF-8 (BOM or not), JSON, the skip
 * check against what is already imported (before the costly validation), the CSAF validator and
 * the extraction. Pure CPU work, so it runs in the worker threads (csaf-pool.ts).
 */
export async function checkCsafFile(name: string, content: Uint8Array, known: KnownVersions): Promise<CheckedFile> {
  const reject = (code: string, params: Record<string, string | number>, messages: string[]): CheckedFile => ({
    kind: 'rejected',
    name,
    reason: { code, params: { file: name, ...params } },
    messages,
  });
  if (content.length > MAX_ADVISORY_BYTES)
    return reject('advisory.file_too_large', { maxMegabytes: MAX_ADVISORY_BYTES / MIB }, [
      `${name} is larger than ${MAX_ADVISORY_BYTES} bytes`,
    ]);
  if (content.length === 0) return reject('advisory.file_empty', {}, [`${name} is empty`]);
  const raw = Buffer.from(content.buffer, content.byteOffset, content.length)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (e) {
    return reject('advisory.file_not_json', {}, [`${name} is not valid JSON (truncated or damaged?): ${(e as Error).message}`]);
  }
  const tracking = trackingOf(doc);
  const current = tracking ? known.get(tracking.id) : undefined;
  if (tracking && current !== undefined && compareTrackingVersions(tracking.version, current) <= 0)
    return { kind: 'current', name, trackingId: tracking.id };
  const verdict = await validateCsaf(doc);
  if (!verdict.ok) return reject('advisory.csaf_invalid', { problems: verdict.messages.length }, verdict.messages);
  const { document: _parsed, ...advisory } = incomingCsaf(doc, raw);
  return { kind: 'advisory', name, advisory: { ...advisory, raw } };
}
