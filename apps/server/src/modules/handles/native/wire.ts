/**
 * Bounds-checked reading and growable writing of the protocol's primitive types: big-endian
 * 1/2/4-octet integers and byte strings prefixed with a 4-octet length (RFC 3652 §2.1 "UTF8-String").
 * A read past the end throws `WireError`, never a RangeError from Buffer, so callers answer
 * RC_PROTOCOL_ERROR instead of crashing.
 */

/** The message does not have the shape the protocol requires. */
export class WireError extends Error {}

export class WireReader {
  private offset: number;

  constructor(
    private readonly buf: Buffer,
    start = 0,
    private readonly end = buf.length,
  ) {
    this.offset = start;
  }

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  private need(n: number, what: string): void {
    if (n < 0 || this.offset + n > this.end) throw new WireError(`truncated ${what}`);
  }

  u8(what = 'octet'): number {
    this.need(1, what);
    return this.buf.readUInt8(this.offset++);
  }

  u16(what = 'int2'): number {
    this.need(2, what);
    const v = this.buf.readUInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  u32(what = 'int4'): number {
    this.need(4, what);
    const v = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  /** A 4-octet length and that many octets (a view, not a copy); lengths over `max` are refused. */
  bytes(what: string, max: number): Buffer {
    const length = this.u32(`${what} length`);
    if (length > max) throw new WireError(`${what} of ${length} octets is over the limit of ${max}`);
    this.need(length, what);
    const view = this.buf.subarray(this.offset, this.offset + length);
    this.offset += length;
    return view;
  }

  /** A 4-octet count checked against `max` before anything is allocated. */
  count(what: string, max: number): number {
    const n = this.u32(`${what} count`);
    if (n > max) throw new WireError(`${n} ${what} is over the limit of ${max}`);
    return n;
  }
}

/** Collects encoded parts and joins them once (answers are small; no pre-sizing needed). */
export class WireWriter {
  private parts: Buffer[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  raw(buf: Buffer): this {
    this.parts.push(buf);
    this.size += buf.length;
    return this;
  }

  u8(v: number): this {
    return this.raw(Buffer.from([v & 0xff]));
  }

  u16(v: number): this {
    const b = Buffer.allocUnsafe(2);
    b.writeUInt16BE(v & 0xffff);
    return this.raw(b);
  }

  u32(v: number): this {
    const b = Buffer.allocUnsafe(4);
    b.writeUInt32BE(v >>> 0);
    return this.raw(b);
  }

  /** A 4-octet length then the octets. */
  bytes(buf: Buffer): this {
    return this.u32(buf.length).raw(buf);
  }

  /** A UTF8-String: the text's UTF-8 octets with their 4-octet length. */
  utf8(text: string): this {
    return this.bytes(Buffer.from(text, 'utf8'));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts, this.size);
  }
}
