/// <reference path="./csaf-validator-lib.d.ts" />
// (the reference brings the declarations along to every program that imports this file, e.g. bench/)
import * as basic from '@secvisogram/csaf-validator-lib/basic.js';
import validate from '@secvisogram/csaf-validator-lib/validate.js';

/** The CSAF 2.0 strict schema and the mandatory tests (6.1.x) of the standard, as the validator library runs them. */
const TESTS = Object.values(basic);

/** At most this many messages go back to the user; the rest are counted. */
const MAX_MESSAGES = 50;

/**
 * Validates a parsed CSAF document with @secvisogram/csaf-validator-lib ("basic": schema +
 * mandatory tests). Returns the failing tests' messages as `<test>: <path> <message>`.
 */
export async function validateCsaf(doc: unknown): Promise<{ ok: boolean; messages: string[] }> {
  // The validator reads properties without checking the document is an object (`null` crashed it).
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    return {
      ok: false,
      messages: [
        `document: the file holds ${doc === null ? 'null' : Array.isArray(doc) ? 'an array' : `a ${typeof doc}`}, not a JSON object`,
      ],
    };
  const result = await validate(TESTS, doc);
  if (result.isValid) return { ok: true, messages: [] };
  const messages = result.tests
    .filter((t) => !t.isValid)
    .flatMap((t) => t.errors.map((e) => `${t.name}: ${e.instancePath || '/'} ${e.message}`.trim()));
  if (messages.length > MAX_MESSAGES)
    return { ok: false, messages: [...messages.slice(0, MAX_MESSAGES), `… and ${messages.length - MAX_MESSAGES} more`] };
  return { ok: false, messages: messages.length ? messages : ['the document fails CSAF 2.0 validation'] };
}
