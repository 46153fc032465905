/**
 * A minimal Handle protocol client for the tests, written from RFC 3652 / RFC 3651 alone: it shares
 * no code with the server's codec (apps/server/src/modules/handles/native), so a layout mistake on
 * one side is not mirrored on the other. Integers are big-endian; a "string" is a 4-octet length
 * followed by that many octets.
 */
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';

export interface RequestSpec {
  opCode?: number;
  handle?: string | Uint8Array;
  indexes?: number[];
  types?: string[];
  opFlags?: number;
  requestId?: number;
  sessionId?: number;
  major?: number;
  minor?: number;
  /** The two octets after major/minor: flags (high bits) and suggested version. */
  flagOctet?: number;
  suggestMinor?: number;
}

export interface DecodedValue {
  index: number;
  timestamp: number;
  ttlType: number;
  ttl: number;
  permissions: number;
  type: string;
  data: Uint8Array;
  references: Array<{ handle: string; index: number }>;
}

export interface DecodedResponse {
  envelope: { major: number; minor: number; flags: number; suggest: number; sessionId: number; requestId: number; messageLength: number };
  packets: number;
  opCode: number;
  responseCode: number;
  opFlags: number;
  siteSerial: number;
  recursionCount: number;
  expiration: number;
  bodyLength: number;
  digest?: { algorithm: number; bytes: Uint8Array };
  handle?: string;
  values?: DecodedValue[];
  error?: string;
  /** Raw body after the digest (site information answers). */
  rest: Uint8Array;
  credentialLength: number;
  /** Header + body octets as received (to check the digest of our own request). */
  signedPart: Uint8Array;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

class Out {
  bytes: number[] = [];
  int1(v: number) {
    this.bytes.push(v & 0xff);
    return this;
  }
  int2(v: number) {
    return this.int1(v >> 8).int1(v);
  }
  int4(v: number) {
    return this.int1(v >>> 24)
      .int1(v >>> 16)
      .int1(v >>> 8)
      .int1(v);
  }
  str(s: string | Uint8Array) {
    const b = typeof s === 'string' ? enc.encode(s) : s;
    this.int4(b.length);
    for (const x of b) this.bytes.push(x);
    return this;
  }
}

class In {
  constructor(
    readonly b: Uint8Array,
    public at = 0,
  ) {}
  int1() {
    if (this.at >= this.b.length) throw new Error('client: ran out of octets');
    return this.b[this.at++] as number;
  }
  int2() {
    return (this.int1() << 8) | this.int1();
  }
  int4() {
    return ((this.int1() << 24) | (this.int1() << 16) | (this.int1() << 8) | this.int1()) >>> 0;
  }
  raw(n: number) {
    if (this.at + n > this.b.length) throw new Error('client: ran out of octets');
    const out = this.b.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }
  str() {
    return this.raw(this.int4());
  }
  text() {
    return dec.decode(this.str());
  }
}

/** The message (header, body, empty credential) of a request, without its envelope. */
export function requestMessage(spec: RequestSpec): Uint8Array {
  const body = new Out();
  if ((spec.opCode ?? 1) === 1) {
    body.str(spec.handle ?? '');
    body.int4(spec.indexes?.length ?? 0);
    for (const i of spec.indexes ?? []) body.int4(i);
    body.int4(spec.types?.length ?? 0);
    for (const t of spec.types ?? []) body.str(t);
  }
  const m = new Out()
    .int4(spec.opCode ?? 1)
    .int4(0)
    .int4(spec.opFlags ?? 0)
    .int2(0)
    .int1(0)
    .int1(0)
    .int4(Math.floor(Date.now() / 1000) + 600)
    .int4(body.bytes.length);
  m.bytes.push(...body.bytes);
  m.int4(0);
  return Uint8Array.from(m.bytes);
}

/** Envelope + message as one buffer: version 2.10 (suggesting 2.10) unless told otherwise. */
export function requestPacket(spec: RequestSpec, message = requestMessage(spec)): Uint8Array {
  const env = new Out()
    .int1(spec.major ?? 2)
    .int1(spec.minor ?? 10)
    .int1(spec.flagOctet ?? 2)
    .int1(spec.suggestMinor ?? 10)
    .int4(spec.sessionId ?? 0)
    .int4(spec.requestId ?? 7)
    .int4(0)
    .int4(message.length);
  return Uint8Array.from([...env.bytes, ...message]);
}

/** Reads one whole response message (its envelope already read). */
export function decodeResponse(env: DecodedResponse['envelope'], message: Uint8Array, packets: number): DecodedResponse {
  const r = new In(message);
  const opCode = r.int4();
  const responseCode = r.int4();
  const opFlags = r.int4();
  const siteSerial = r.int2();
  const recursionCount = r.int1();
  r.int1();
  const expiration = r.int4();
  const bodyLength = r.int4();
  const bodyStart = r.at;
  const out: DecodedResponse = {
    envelope: env,
    packets,
    opCode,
    responseCode,
    opFlags,
    siteSerial,
    recursionCount,
    expiration,
    bodyLength,
    rest: new Uint8Array(),
    credentialLength: 0,
    signedPart: message.slice(0, bodyStart + bodyLength),
  };
  if (opFlags & 0x0080_0000) {
    const algorithm = r.int1();
    out.digest = { algorithm, bytes: r.raw(algorithm === 3 ? 32 : algorithm === 2 ? 20 : 16) };
  }
  const bodyEnd = bodyStart + bodyLength;
  if (responseCode === 1 && opCode === 1) {
    out.handle = r.text();
    const n = r.int4();
    out.values = [];
    for (let i = 0; i < n; i++) {
      const v: DecodedValue = {
        index: r.int4(),
        timestamp: r.int4(),
        ttlType: r.int1(),
        ttl: r.int4(),
        permissions: r.int1(),
        type: r.text(),
        data: r.str(),
        references: [],
      };
      for (let k = r.int4(); k > 0; k--) v.references.push({ handle: r.text(), index: r.int4() });
      out.values.push(v);
    }
  } else if (responseCode !== 1) {
    out.error = r.text();
  } else {
    out.rest = r.raw(bodyEnd - r.at);
  }
  if (r.at !== bodyEnd) throw new Error(`client: body length ${bodyLength} but ${r.at - bodyStart} octets decoded`);
  out.credentialLength = r.int4();
  if (r.at + out.credentialLength !== message.length) throw new Error('client: octets after the credential');
  return out;
}

function readEnvelope(b: Uint8Array) {
  const r = new In(b);
  const major = r.int1();
  const minor = r.int1();
  const flags = r.int1();
  const suggest = r.int1();
  return { major, minor, flags, suggest, sessionId: r.int4(), requestId: r.int4(), sequence: r.int4(), messageLength: r.int4() };
}

/** Sends `before` (answered or not), then one datagram, and gathers the answer's packets (sequence numbers, 492 octets of message each). */
export function udpExchange(port: number, packet: Uint8Array, before: Uint8Array[] = []): Promise<DecodedResponse & { sizes: number[] }> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const parts = new Map<number, Uint8Array>();
    const sizes: number[] = [];
    const wanted = new In(packet, 8).int4();
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('client: no UDP answer'));
    }, 5000);
    socket.on('message', (msg) => {
      const data = new Uint8Array(msg);
      sizes.push(data.length);
      const env = readEnvelope(data);
      if (env.requestId !== wanted) return;
      parts.set(env.sequence, data.slice(20));
      const expected = Math.max(1, Math.ceil(env.messageLength / 492));
      if (parts.size < expected) return;
      clearTimeout(timer);
      socket.close();
      const whole = new Uint8Array(env.messageLength);
      for (const [seq, part] of parts) whole.set(part, seq * 492);
      try {
        resolve({ ...decodeResponse(env, whole, parts.size), sizes });
      } catch (err) {
        reject(err);
      }
    });
    // Datagrams from one socket reach the server's handler in order: `before` is handled first.
    for (const b of before) socket.send(b, port, '127.0.0.1');
    socket.send(packet, port, '127.0.0.1');
  });
}

/** Sends octets on a TCP connection and reads answers (envelope, then its message) until `count` or the end. */
export function tcpExchange(
  port: number,
  chunks: Uint8Array[],
  count = 1,
): Promise<{ answers: DecodedResponse[]; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffered = new Uint8Array();
    const answers: DecodedResponse[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answers, closedByServer: false });
    }, 3000);
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c);
    });
    socket.on('data', (chunk) => {
      buffered = Uint8Array.from([...buffered, ...chunk]);
      while (buffered.length >= 20) {
        const env = readEnvelope(buffered);
        if (buffered.length < 20 + env.messageLength) break;
        answers.push(decodeResponse(env, buffered.slice(20, 20 + env.messageLength), 1));
        buffered = buffered.slice(20 + env.messageLength);
      }
      if (answers.length >= count && count > 0) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ answers, closedByServer: false });
      }
    });
    socket.on('end', () => {
      clearTimeout(timer);
      resolve({ answers, closedByServer: true });
    });
    socket.on('error', reject);
  });
}

/** HS_SITE data (RFC 3652 §3.2.2). */
export function decodeSite(data: Uint8Array) {
  const r = new In(data);
  const site = {
    version: r.int2(),
    protocol: `${r.int1()}.${r.int1()}`,
    serial: r.int2(),
    primaryMask: r.int1(),
    hashOption: r.int1(),
    hashFilter: r.str(),
    attributes: [] as Array<[string, string]>,
    servers: [] as Array<{
      id: number;
      address: Uint8Array;
      publicKey: Uint8Array;
      interfaces: Array<{ type: number; protocol: number; port: number }>;
    }>,
  };
  for (let n = r.int4(); n > 0; n--) site.attributes.push([r.text(), r.text()]);
  for (let n = r.int4(); n > 0; n--) {
    const server = {
      id: r.int4(),
      address: r.raw(16),
      publicKey: r.str(),
      interfaces: [] as Array<{ type: number; protocol: number; port: number }>,
    };
    for (let k = r.int4(); k > 0; k--) server.interfaces.push({ type: r.int1(), protocol: r.int1(), port: r.int4() });
    site.servers.push(server);
  }
  if (r.at !== data.length) throw new Error('client: octets after the site record');
  return site;
}

/** HS_ADMIN data (RFC 3651 §3.2.2): 2-octet permissions, admin handle, index. */
export function decodeAdmin(data: Uint8Array) {
  const r = new In(data);
  return { permissions: r.int2(), handle: r.text(), index: r.int4() };
}
