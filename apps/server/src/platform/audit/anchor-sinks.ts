import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { hostname } from 'node:os';
import { appendCheckpoint, type Checkpoint } from './anchors.js';

/** Where checkpoints go: always the anchor folder; optionally an HTTP endpoint and a syslog server. */
export interface AnchorTargets {
  dir: string;
  /** Each checkpoint is POSTed to it as JSON (an append-only store off the machine). */
  url?: string | undefined;
  /** `udp://host:port`: each checkpoint is sent as one RFC 5424 message (facility log audit). */
  syslog?: string | undefined;
}

export interface AnchorLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const SEND_TIMEOUT_MS = 5000;

/**
 * Writes checkpoints to every configured place. The file is the one that counts (verification
 * reads it): its failure is an error; a remote copy that fails is a warning and is not retried
 * (the next checkpoint covers everything before it).
 */
export function createAnchorSinks(targets: AnchorTargets, log: AnchorLog) {
  return {
    /** True when the checkpoint reached the anchor file. */
    async write(checkpoint: Checkpoint): Promise<boolean> {
      let stored = false;
      try {
        appendCheckpoint(targets.dir, checkpoint);
        stored = true;
      } catch (err) {
        log.error({ err, dir: targets.dir }, 'audit checkpoint not written to the anchor folder');
      }
      const remote: Promise<void>[] = [];
      if (targets.url) remote.push(postCheckpoint(targets.url, checkpoint));
      if (targets.syslog) remote.push(sendSyslog(targets.syslog, checkpoint));
      for (const result of await Promise.allSettled(remote))
        if (result.status === 'rejected') log.warn({ err: result.reason }, 'audit checkpoint not sent to a remote anchor');
      return stored;
    },
  };
}

export type AnchorSinks = ReturnType<typeof createAnchorSinks>;

async function postCheckpoint(url: string, checkpoint: Checkpoint): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(checkpoint),
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

/** Facility 13 (log audit), severity 6 (informational). */
const SYSLOG_PRIORITY = 13 * 8 + 6;

/** The checkpoint as one RFC 5424 syslog message. */
export function syslogMessage(checkpoint: Checkpoint, host = hostname()): string {
  return `<${SYSLOG_PRIORITY}>1 ${checkpoint.at} ${host || '-'} suilian ${process.pid} audit-checkpoint - ${JSON.stringify(checkpoint)}`;
}

function sendSyslog(target: string, checkpoint: Checkpoint): Promise<void> {
  const url = new URL(target);
  if (url.protocol !== 'udp:') return Promise.reject(new Error(`syslog target ${target}: only udp://host:port is supported`));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  return new Promise<void>((resolve, reject) => {
    socket.send(syslogMessage(checkpoint), Number(url.port || 514), host, (err) => {
      socket.close();
      if (err) reject(err);
      else resolve();
    });
  });
}
