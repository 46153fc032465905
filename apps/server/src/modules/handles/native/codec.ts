import { createHash } from 'node:crypto';
import type { StoredValue } from '../logic/values.js';
import { DIGEST, ENV_FLAG, ENVELOPE_SIZE, HEADER_SIZE, MAX_FILTER_ITEMS, PERMISSION_BIT } from './protocol.js';
import { WireError, WireReader, WireWriter } from './wire.js';

/** The 20-octet message envelope (RFC 3652 §2.2.1). */
export interface Envelope {
  major: number;
  minor: number;
  compressed: boolean;
  encrypted: boolean;
  truncated: boolean;
  /** The version the sender would rather speak (low bits of the flag octet and the next octet; 0 = none). */
  suggestMajor: number;
  suggestMinor: number;
  sessionId: number;
  requestId: number;
  sequence: number;
  messageLength: number;
}

/** The 24-octet message header (RFC 3652 §2.2.2). */
export interface Header {
  opCode: number;
  responseCode: number;
  opFlags: number;
  siteSerial: number;
  recursionCount: number;
  expiration: number;
  bodyLength: number;
}

/** A request as received: its header, the body's bounds and the header+body octets a digest covers. */
export interface Request {
  header: Header;
  body: WireReader;
  signed: Buffer;
  /** Octets of the credential section (0: none); resolution never needs one and ignores it. */
  credentialLength: number;
}

export interface ResolutionQuery {
  handle: Buffer;
  indexes: number[];
  types: string[];
}

/** Reads an envelope from the first 20 octets (the caller checked there are 20). */
export function decodeEnvelope(buf: Buffer): Envelope {
  if (buf.length < ENVELOPE_SIZE) throw new WireError('truncated envelope');
  const flags = buf[2] as number;
  return {
    major: buf[0] as number,
    minor: buf[1] as number,
    compressed: (flags & ENV_FLAG.COMPRESSED) !== 0,
    encrypted: (flags & ENV_FLAG.ENCRYPTED) !== 0,
    truncated: (flags & ENV_FLAG.TRUNCATED) !== 0,
    suggestMajor: flags & 0x03,
    suggestMinor: buf[3] as number,
    sessionId: buf.readUInt32BE(4),
    requestId: buf.readUInt32BE(8),
    sequence: buf.readUInt32BE(12),
    messageLength: buf.readUInt32BE(16),
  };
}

export function encodeEnvelope(env: Envelope): Buffer {
  const b = Buffer.alloc(ENVELOPE_SIZE);
  b[0] = env.major;
  b[1] = env.minor;
  b[2] =
    (env.compressed ? ENV_FLAG.COMPRESSED : 0) |
    (env.encrypted ? ENV_FLAG.ENCRYPTED : 0) |
    (env.truncated ? ENV_FLAG.TRUNCATED : 0) |
    (env.suggestMajor & 0x03);
  b[3] = env.suggestMinor;
  b.writeUInt32BE(env.sessionId >>> 0, 4);
  b.writeUInt32BE(env.requestId >>> 0, 8);
  b.writeUInt32BE(env.sequence >>> 0, 12);
  b.writeUInt32BE(env.messageLength >>> 0, 16);
  return b;
}

/** Splits a message (header, body, credential) into its parts; throws WireError when the lengths disagree. */
export function decodeRequest(message: Buffer): Request {
  const r = new WireReader(message);
  const opCode = r.u32('op code');
  const responseCode = r.u32('response code');
  const opFlags = r.u32('op flags');
  const siteSerial = r.u16('site serial');
  const recursionCount = r.u8('recursion count');
  r.u8('reserved');
  const expiration = r.u32('expiration');
  const header: Header = { opCode, responseCode, opFlags, siteSerial, recursionCount, expiration, bodyLength: r.u32('body length') };
  if (header.bodyLength > message.length - HEADER_SIZE) throw new WireError('body length runs past the message');
  const bodyEnd = HEADER_SIZE + header.bodyLength;
  // The credential section: a 4-octet length and that many octets; some old clients leave it out.
  let credentialLength = 0;
  if (message.length > bodyEnd) {
    const c = new WireReader(message, bodyEnd);
    credentialLength = c.u32('credential length');
    if (credentialLength > c.remaining) throw new WireError('credential runs past the message');
  }
  return { header, body: new WireReader(message, HEADER_SIZE, bodyEnd), signed: message.subarray(0, bodyEnd), credentialLength };
}

/** The body of OC_RESOLUTION: handle, index list, type list (RFC 3652 §3.2.1). */
export function decodeResolution(body: WireReader, maxHandleBytes: number): ResolutionQuery {
  const handle = body.bytes('handle', maxHandleBytes);
  const indexes: number[] = [];
  for (let n = body.count('indexes', MAX_FILTER_ITEMS); n > 0; n--) indexes.push(body.u32('index'));
  const types: string[] = [];
  for (let n = body.count('types', MAX_FILTER_ITEMS); n > 0; n--) types.push(body.bytes('type', 1024).toString('utf8'));
  if (body.remaining !== 0) throw new WireError('octets left over after the type list');
  return { handle, indexes, types };
}

/** The request digest a client asked for with the RD flag: SHA-256 from version 2.7 on, SHA-1 before. */
export function requestDigest(signed: Buffer, major: number, minor: number): Buffer {
  const sha256 = major > 2 || (major === 2 && minor >= 7);
  const digest = createHash(sha256 ? 'sha256' : 'sha1')
    .update(signed)
    .digest();
  return Buffer.concat([Buffer.from([sha256 ? DIGEST.SHA256 : DIGEST.SHA1]), digest]);
}

/** Header, optional request digest, body and an empty credential section: one whole message. */
export function encodeMessage(header: Omit<Header, 'bodyLength'>, digest: Buffer | undefined, body: Buffer): Buffer {
  const w = new WireWriter()
    .u32(header.opCode)
    .u32(header.responseCode)
    .u32(header.opFlags)
    .u16(header.siteSerial)
    .u8(header.recursionCount)
    .u8(0)
    .u32(header.expiration)
    .u32((digest?.length ?? 0) + body.length);
  if (digest) w.raw(digest);
  // No signature: the credential section is its 4-octet length, zero (ADR 0015).
  return w.raw(body).u32(0).toBuffer();
}

/** An error body: the message as a UTF8-String (RFC 3652 §3.3). */
export function errorBody(message: string): Buffer {
  return new WireWriter().utf8(message).toBuffer();
}

/** A resolution answer's body: the handle and the encoded values. */
export function resolutionBody(handle: Buffer, values: readonly Buffer[]): Buffer {
  const w = new WireWriter().bytes(handle).u32(values.length);
  for (const v of values) w.raw(v);
  return w.toBuffer();
}

/** A value as the protocol carries it (RFC 3651 §3.1); `data` already in its binary form. */
export interface WireValue {
  index: number;
  type: string;
  data: Buffer;
  ttl: number;
  /** Seconds since 1970. */
  timestamp: number;
  /** Four bits as stored: admin read, admin write, public read, public write. */
  permissions: string;
}

/** Index, timestamp, TTL type (0: relative), TTL, permissions, type, data, no references. */
export function encodeValue(v: WireValue): Buffer {
  return new WireWriter()
    .u32(v.index)
    .u32(v.timestamp)
    .u8(0)
    .u32(v.ttl)
    .u8(permissionOctet(v.permissions))
    .utf8(v.type)
    .bytes(v.data)
    .u32(0)
    .toBuffer();
}

function permissionOctet(bits: string): number {
  return (
    (bits[0] === '1' ? PERMISSION_BIT.ADMIN_READ : 0) |
    (bits[1] === '1' ? PERMISSION_BIT.ADMIN_WRITE : 0) |
    (bits[2] === '1' ? PERMISSION_BIT.PUBLIC_READ : 0) |
    (bits[3] === '1' ? PERMISSION_BIT.PUBLIC_WRITE : 0)
  );
}

/**
 * A stored value in its binary form: string data as UTF-8, base64 and hex decoded, HS_ADMIN as its
 * record (RFC 3651 §3.2.2: the 12-bit permission mask in 2 octets — the JSON string's last
 * character is bit 0 — then the admin handle and its index).
 */
export function toWireValue(value: StoredValue): WireValue {
  const d = value.data;
  let data: Buffer;
  if (d.format === 'string') data = Buffer.from(d.value, 'utf8');
  else if (d.format === 'base64') data = Buffer.from(d.value, 'base64');
  else if (d.format === 'hex') data = Buffer.from(d.value, 'hex');
  else data = new WireWriter().u16(Number.parseInt(d.value.permissions, 2)).utf8(d.value.handle).u32(d.value.index).toBuffer();
  const time = Date.parse(value.timestamp);
  return {
    index: value.index,
    type: value.type,
    data,
    ttl: value.ttl,
    timestamp: Number.isFinite(time) ? Math.floor(time / 1000) : 0,
    permissions: value.permissions,
  };
}
