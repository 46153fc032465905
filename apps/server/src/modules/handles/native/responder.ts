import { HANDLE_LIMITS } from '@suilian/contracts';
import type { WindowLimiter } from '../logic/rate-limit.js';
import { isSyntaxProblem, parseHandle } from '../logic/syntax.js';
import { matchesFilter } from '../logic/values.js';
import type { PrefixService } from '../prefix.service.js';
import type { CachedRecord, Resolver } from '../resolver.js';
import {
  decodeRequest,
  decodeResolution,
  type Envelope,
  encodeMessage,
  encodeValue,
  errorBody,
  type Header,
  type Request,
  type ResolutionQuery,
  requestDigest,
  resolutionBody,
  toWireValue,
} from './codec.js';
import { OC, OP_FLAG, OUR_MAJOR, OUR_MINOR, RC } from './protocol.js';
import type { Site } from './site-info.js';
import { WireError } from './wire.js';

export interface ResponderDeps {
  resolver: Resolver;
  prefixes: Pick<PrefixService, 'ensureLoaded' | 'lookup'>;
  site: Site;
  /** Per client address, shared by UDP and TCP (HANDLE_RESOLVE_RATE_PER_MINUTE, as the REST API). */
  limiter: WindowLimiter;
  /** Requests being answered at once before RC_SERVER_TOO_BUSY (each may wait on the database). */
  maxPending: number;
  now(): number;
}

/** What to send back: the whole message (header, body, credential) and how it went, for the counters. */
export interface Answer {
  message: Buffer;
  responseCode: number;
  keepAlive: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Encoded public values per cached record: built on the first native resolution, dropped with the entry. */
const encodedValues = new WeakMap<CachedRecord, Array<{ index: number; type: string; bytes: Buffer }>>();

/**
 * Answers one request message (RFC 3652): OC_RESOLUTION from the records and cache the REST API
 * uses, with the same anonymous view (public-read values only), and OC_GET_SITE_INFO; every other
 * operation is RC_OPERATION_NOT_SUPPORTED. Returns null for messages that must not be answered
 * (a response sent to us: answering could loop between two servers).
 */
export function createResponder(deps: ResponderDeps) {
  let pending = 0;

  function reply(env: Envelope, req: Request | null, responseCode: number, body: Buffer, flags = 0): Answer {
    const h: Header | undefined = req?.header;
    const wantsDigest = h !== undefined && (h.opFlags & OP_FLAG.REQUEST_DIGEST) !== 0;
    const keepAlive = h !== undefined && (h.opFlags & OP_FLAG.KEEP_ALIVE) !== 0;
    const echoed = h ? h.opFlags & (OP_FLAG.PUBLIC_ONLY | OP_FLAG.KEEP_ALIVE) : 0;
    const message = encodeMessage(
      {
        opCode: h?.opCode ?? 0,
        responseCode,
        opFlags: flags | echoed | (wantsDigest ? OP_FLAG.REQUEST_DIGEST : 0),
        siteSerial: deps.site.serial,
        recursionCount: h?.recursionCount ?? 0,
        expiration: Math.floor(deps.now() / 1000) + 3600,
      },
      wantsDigest && req ? requestDigest(req.signed, env.major, env.minor) : undefined,
      body,
    );
    return { message, responseCode, keepAlive };
  }

  const fail = (env: Envelope, req: Request | null, code: number, text: string) => reply(env, req, code, errorBody(text));

  function resolutionAnswer(env: Envelope, req: Request, q: ResolutionQuery, handle: string): Answer | Promise<Answer> {
    const naPrefix = /^0\.NA\//i.test(handle) ? handle.slice(5) : null;
    if (naPrefix !== null) {
      const row = deps.prefixes.lookup(naPrefix);
      if (!row || row.status !== 'active')
        return fail(env, req, RC.SERVER_NOT_RESP, `this server is not responsible for prefix ${naPrefix}`);
      const values = matchesFilter(deps.site.value, q.indexes, q.types) ? [deps.site.encodedValue] : [];
      if (values.length === 0) return fail(env, req, RC.VALUES_NOT_FOUND, 'no values match');
      return reply(env, req, RC.SUCCESS, resolutionBody(q.handle, values), OP_FLAG.AUTHORITATIVE);
    }
    const parsed = parseHandle(handle);
    if (isSyntaxProblem(parsed)) return fail(env, req, RC.INVALID_HANDLE, parsed.message);
    const prefix = deps.prefixes.lookup(parsed.prefix);
    if (!prefix || prefix.status !== 'active')
      return fail(env, req, RC.SERVER_NOT_RESP, `this server is not responsible for prefix ${parsed.prefix}`);
    const answer = (entry: CachedRecord): Answer => {
      if (!entry.record) return fail(env, req, RC.HANDLE_NOT_FOUND, 'handle not found');
      deps.resolver.countResolution(prefix.prefix);
      let encoded = encodedValues.get(entry);
      if (!encoded) {
        encoded = entry.publicValues.map((v) => ({ index: v.index, type: v.type, bytes: encodeValue(toWireValue(v)) }));
        encodedValues.set(entry, encoded);
      }
      const values = encoded.filter((v) => matchesFilter(v, q.indexes, q.types)).map((v) => v.bytes);
      if (values.length === 0) return fail(env, req, RC.VALUES_NOT_FOUND, 'no values match');
      return reply(env, req, RC.SUCCESS, resolutionBody(q.handle, values), OP_FLAG.AUTHORITATIVE);
    };
    const got = deps.resolver.get(parsed.key);
    return got instanceof Promise ? got.then(answer) : answer(got);
  }

  function dispatch(env: Envelope, req: Request, client: string): Answer | Promise<Answer> {
    const h = req.header;
    if (h.opCode !== OC.RESOLUTION && h.opCode !== OC.GET_SITE_INFO)
      return fail(env, req, RC.OPERATION_NOT_SUPPORTED, `operation ${h.opCode} is not offered: this node answers resolution only`);
    if ((h.opFlags & OP_FLAG.ENCRYPT) !== 0)
      return fail(env, req, RC.OPERATION_NOT_SUPPORTED, 'encrypted answers need a session: not offered');
    if (deps.limiter.take(client) > 0)
      return fail(env, req, RC.SERVER_TOO_BUSY, 'too many requests from this address: try again in a minute');
    if (pending >= deps.maxPending) return fail(env, req, RC.SERVER_TOO_BUSY, 'server too busy');
    if (h.opCode === OC.GET_SITE_INFO) return reply(env, req, RC.SUCCESS, deps.site.record, OP_FLAG.AUTHORITATIVE);
    const q = decodeResolution(req.body, HANDLE_LIMITS.handleBytes * 4);
    let handle: string;
    try {
      handle = utf8.decode(q.handle);
    } catch {
      return fail(env, req, RC.INVALID_HANDLE, 'the handle is not valid UTF-8');
    }
    const loading = deps.prefixes.ensureLoaded();
    if (!loading) return resolutionAnswer(env, req, q, handle);
    return loading.then(() => resolutionAnswer(env, req, q, handle));
  }

  return {
    /** Answers a whole request message that arrived under `env` from `client` (its address). */
    answer(env: Envelope, message: Buffer, client: string): Answer | null | Promise<Answer | null> {
      if (env.major !== OUR_MAJOR)
        return fail(env, null, RC.PROTOCOL_ERROR, `protocol version ${env.major}.${env.minor} is not spoken here (2.x)`);
      if (env.compressed || env.encrypted)
        return fail(env, null, RC.PROTOCOL_ERROR, 'compressed or encrypted messages are not accepted (no sessions)');
      let req: Request;
      try {
        req = decodeRequest(message);
      } catch (err) {
        if (err instanceof WireError) return fail(env, null, RC.PROTOCOL_ERROR, `malformed message: ${err.message}`);
        throw err;
      }
      if (req.header.responseCode !== RC.RESERVED) return null;
      try {
        const result = dispatch(env, req, client);
        if (!(result instanceof Promise)) return result;
        pending++;
        return result.finally(() => pending--);
      } catch (err) {
        if (err instanceof WireError) return fail(env, req, RC.PROTOCOL_ERROR, `malformed request: ${err.message}`);
        throw err;
      }
    },

    /** The envelope of an answer to `req`: same session and request id, the version both sides speak. */
    answerEnvelope(req: Envelope, sequence: number, messageLength: number, truncated: boolean): Envelope {
      const older = req.minor < OUR_MINOR;
      return {
        major: OUR_MAJOR,
        minor: older ? req.minor : OUR_MINOR,
        compressed: false,
        encrypted: false,
        truncated,
        // Only clients that suggested a version read these bits; RFC 3652 clients see them as zero.
        suggestMajor: req.suggestMajor ? OUR_MAJOR : 0,
        suggestMinor: req.suggestMajor ? OUR_MINOR : 0,
        sessionId: req.sessionId,
        requestId: req.requestId,
        sequence,
        messageLength,
      };
    },

    /** An error answer outside the normal flow (too large for UDP, an internal failure), echoing what can be read of the request. */
    error(env: Envelope, message: Buffer | null, code: number, text: string): Answer {
      let req: Request | null = null;
      try {
        req = message ? decodeRequest(message) : null;
      } catch {
        req = null;
      }
      return fail(env, req, code, text);
    },

    get pending(): number {
      return pending;
    },
  };
}

export type Responder = ReturnType<typeof createResponder>;
