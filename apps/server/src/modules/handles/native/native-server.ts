import dgram from 'node:dgram';
import net from 'node:net';
import { decodeEnvelope, type Envelope, encodeEnvelope as encodeEnvelopeOf } from './codec.js';
import { ENVELOPE_SIZE, MAX_REQUEST_LENGTH, MAX_UDP_PACKETS, RC, UDP_DATA_SIZE } from './protocol.js';
import type { Answer, Responder } from './responder.js';

/** What happened to messages, by transport; exported to /metrics and readable by tests. */
export type NativeOutcome = 'answered' | 'malformed' | 'dropped' | 'failed';

export interface NativeServerDeps {
  responder: Responder;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; debug(obj: object, msg: string): void };
  count(transport: 'udp' | 'tcp', outcome: NativeOutcome, responseCode?: number): void;
  /** Seconds an idle TCP connection stays open. */
  idleSeconds?: number;
  maxConnections?: number;
}

export interface NativeAddress {
  host: string;
  udpPort: number;
  tcpPort: number;
}

/**
 * The Handle protocol's two transports (RFC 3652 §2.3). UDP: one request per datagram, answers
 * split into 512-octet packets that each carry an envelope (same request id, sequence 0, 1, …, the
 * whole message's length, TC set when there is more than one); answers over MAX_UDP_PACKETS say so
 * and are to be asked over TCP. TCP: envelope + message, one request at a time per connection, kept
 * open when the request set KEEP_ALIVE. Nothing a peer sends can throw out of a handler.
 */
export function createNativeServer(deps: NativeServerDeps) {
  let udp: dgram.Socket | null = null;
  let tcp: net.Server | null = null;
  const sockets = new Set<net.Socket>();

  function packets(env: Envelope, answer: Answer): Buffer[] {
    const total = answer.message.length;
    const count = Math.max(1, Math.ceil(total / UDP_DATA_SIZE));
    const out: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const envelope = deps.responder.answerEnvelope(env, i, total, count > 1);
      out.push(Buffer.concat([encodeEnvelopeOf(envelope), answer.message.subarray(i * UDP_DATA_SIZE, (i + 1) * UDP_DATA_SIZE)]));
    }
    return out;
  }

  async function answerSafely(env: Envelope, message: Buffer, client: string, transport: 'udp' | 'tcp'): Promise<Answer | null> {
    try {
      return await deps.responder.answer(env, message, client);
    } catch (err) {
      deps.log.warn({ err, transport, client }, 'native Handle request failed');
      deps.count(transport, 'failed');
      return deps.responder.error(env, message, RC.ERROR, 'internal server error');
    }
  }

  function onDatagram(socket: dgram.Socket, msg: Buffer, rinfo: dgram.RemoteInfo): void {
    if (msg.length < ENVELOPE_SIZE) {
      deps.count('udp', 'malformed');
      deps.log.debug({ client: rinfo.address, octets: msg.length }, 'native Handle datagram shorter than an envelope: dropped');
      return;
    }
    const env = decodeEnvelope(msg);
    const data = msg.subarray(ENVELOPE_SIZE);
    const send = (answer: Answer | null) => {
      if (!answer) {
        deps.count('udp', 'dropped');
        return;
      }
      let parts = packets(env, answer);
      if (parts.length > MAX_UDP_PACKETS) {
        const tooLarge = deps.responder.error(
          env,
          data,
          RC.ERROR,
          `the answer (${answer.message.length} octets) is too large for UDP: ask over TCP`,
        );
        parts = packets(env, tooLarge);
        deps.count('udp', 'answered', RC.ERROR);
      } else deps.count('udp', 'answered', answer.responseCode);
      for (const p of parts)
        socket.send(p, rinfo.port, rinfo.address, (err) => err && deps.log.debug({ err }, 'native Handle UDP send failed'));
    };
    if (env.truncated || env.sequence !== 0 || env.messageLength !== data.length) {
      deps.count('udp', 'malformed');
      send(deps.responder.error(env, null, RC.PROTOCOL_ERROR, 'a UDP request must be one whole datagram: use TCP for larger requests'));
      return;
    }
    void answerSafely(env, data, rinfo.address, 'udp').then(send);
  }

  function onConnection(socket: net.Socket): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', (err) => deps.log.debug({ err }, 'native Handle TCP connection error'));
    socket.setTimeout((deps.idleSeconds ?? 30) * 1000, () => socket.destroy());
    const client = socket.remoteAddress ?? 'unknown';
    let buffered = Buffer.alloc(0);
    let working = false;
    // Set once the connection is being closed after a refusal: later octets are ignored.
    let closing = false;

    const next = async (): Promise<void> => {
      if (working || closing || buffered.length < ENVELOPE_SIZE || socket.destroyed) return;
      const env = decodeEnvelope(buffered);
      if (env.messageLength > MAX_REQUEST_LENGTH || env.truncated) {
        deps.count('tcp', 'malformed');
        closing = true;
        buffered = Buffer.alloc(0);
        const refusal = deps.responder.error(
          env,
          null,
          RC.PROTOCOL_ERROR,
          `request of ${env.messageLength} octets refused (at most ${MAX_REQUEST_LENGTH}, untruncated)`,
        );
        socket.end(
          Buffer.concat([encodeEnvelopeOf(deps.responder.answerEnvelope(env, 0, refusal.message.length, false)), refusal.message]),
        );
        return;
      }
      if (buffered.length < ENVELOPE_SIZE + env.messageLength) return;
      const message = Buffer.from(buffered.subarray(ENVELOPE_SIZE, ENVELOPE_SIZE + env.messageLength));
      buffered = buffered.subarray(ENVELOPE_SIZE + env.messageLength);
      working = true;
      const answer = await answerSafely(env, message, client, 'tcp');
      working = false;
      if (socket.destroyed) return;
      if (!answer) {
        deps.count('tcp', 'dropped');
        socket.destroy();
        return;
      }
      deps.count('tcp', 'answered', answer.responseCode);
      const head = encodeEnvelopeOf(deps.responder.answerEnvelope(env, 0, answer.message.length, false));
      if (answer.keepAlive) {
        socket.write(Buffer.concat([head, answer.message]));
        return next();
      }
      socket.end(Buffer.concat([head, answer.message]));
    };

    socket.on('data', (chunk) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      // A peer that floods a connection without waiting for answers is cut off.
      if (buffered.length > 4 * (MAX_REQUEST_LENGTH + ENVELOPE_SIZE)) {
        deps.count('tcp', 'malformed');
        socket.destroy();
        return;
      }
      void next();
    });
  }

  return {
    /** Binds TCP then UDP on the same port (port 0: a free one, for tests and benches). */
    async listen(options: { port: number; host: string }): Promise<NativeAddress> {
      for (let attempt = 0; ; attempt++) {
        const server = net.createServer(onConnection);
        server.maxConnections = deps.maxConnections ?? 512;
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(options.port, options.host, () => {
            server.off('error', reject);
            resolve();
          });
        });
        const port = (server.address() as net.AddressInfo).port;
        const socket = dgram.createSocket({ type: net.isIPv6(options.host) ? 'udp6' : 'udp4' });
        try {
          await new Promise<void>((resolve, reject) => {
            socket.once('error', reject);
            socket.bind(port, options.host, () => {
              socket.off('error', reject);
              resolve();
            });
          });
        } catch (err) {
          await new Promise<void>((resolve) => server.close(() => resolve()));
          if (options.port !== 0 || attempt >= 5) throw err;
          continue;
        }
        socket.on('message', (msg, rinfo) => onDatagram(socket, msg, rinfo));
        socket.on('error', (err) => deps.log.warn({ err }, 'native Handle UDP socket error'));
        udp = socket;
        tcp = server;
        return { host: options.host, udpPort: port, tcpPort: port };
      }
    },

    async close(): Promise<void> {
      const server = tcp;
      for (const s of sockets) s.destroy();
      if (udp) udp.close();
      udp = null;
      tcp = null;
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    },

    get listening(): boolean {
      return tcp !== null;
    },
  };
}

export type NativeServer = ReturnType<typeof createNativeServer>;
