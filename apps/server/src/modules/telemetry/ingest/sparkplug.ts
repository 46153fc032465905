import sparkplugPayload from 'sparkplug-payload';
import { addValue, type Parsed } from './values.js';

/** The Sparkplug B namespace (topic prefix and protobuf) this host application speaks. */
export const SPARKPLUG_NAMESPACE = 'spBv1.0';
const codec = sparkplugPayload.get(SPARKPLUG_NAMESPACE);
if (!codec) throw new Error('sparkplug-payload lacks spBv1.0');
const spB = codec;

type MessageType = 'NBIRTH' | 'NDEATH' | 'DBIRTH' | 'DDEATH' | 'NDATA' | 'DDATA' | 'NCMD' | 'DCMD';
const TYPES = new Set<string>(['NBIRTH', 'NDEATH', 'DBIRTH', 'DDEATH', 'NDATA', 'DDATA', 'NCMD', 'DCMD']);

/** A Sparkplug topic: `spBv1.0/<group>/<type>/<edge node>[/<device>]`. */
export interface SparkplugTopic {
  group: string;
  type: MessageType;
  edgeNode: string;
  device: string | null;
}

/** Parses a Sparkplug topic; null when it is not one (STATE, or malformed). */
export function sparkplugTopicOf(topic: string): SparkplugTopic | null {
  const parts = topic.split('/');
  if (parts[0] !== SPARKPLUG_NAMESPACE || parts.length < 4 || parts.length > 5) return null;
  const [, group, type, edgeNode, device] = parts;
  if (!group || !type || !edgeNode || !TYPES.has(type) || device === '') return null;
  return { group, type: type as MessageType, edgeNode, device: device ?? null };
}

/** The rebirth request (NCMD `Node Control/Rebirth` = true) for an edge node. */
export function rebirthRequest(group: string, edgeNode: string, now: number): { topic: string; payload: Buffer } {
  const payload = spB.encodePayload({ timestamp: now, metrics: [{ name: 'Node Control/Rebirth', type: 'Boolean', value: true }] });
  return { topic: `${SPARKPLUG_NAMESPACE}/${group}/NCMD/${edgeNode}`, payload: Buffer.from(payload) };
}

/** What a Sparkplug message asks the host to do besides storing points. */
export interface SparkplugOutcome extends Parsed {
  /** Ask the edge node to publish its births again (seq gap, data before birth). */
  rebirth: boolean;
  /** Metrics to mark stale: the node's (`device: null`) or one device's. */
  stale: { device: string | null } | null;
}

interface NodeSession {
  born: boolean;
  bdSeq: number | null;
  nextSeq: number;
  rebirthAsked: boolean;
  aliases: Map<number, string>;
  deviceAliases: Map<string, Map<number, string>>;
}

const toNumber = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && 'toNumber' in v && typeof v.toNumber === 'function' ? v.toNumber() : v;
const SKIPPED = /^(bdSeq$|Node Control\/|Device Control\/)/;

/**
 * The Sparkplug B 3.0 host application's view of each edge node (issue #14 item 2): births set the
 * metric aliases and the sequence, data messages must follow in sequence (0…255, wrapping) — a gap
 * is counted and a rebirth requested, as is data before any birth —, deaths mark the metrics stale.
 * Devices behind an edge node are stored on the registered edge node as `<device>:<metric>`.
 */
export function createSparkplugHost() {
  const sessions = new Map<string, NodeSession>();

  return {
    /** Handles one message an authenticated edge node published about itself. */
    handle(deviceId: string, topic: SparkplugTopic, payload: Buffer, now: number): SparkplugOutcome {
      const out: SparkplugOutcome = { points: [], refused: [], rebirth: false, stale: null };
      let decoded: ReturnType<typeof spB.decodePayload>;
      try {
        decoded = spB.decodePayload(payload);
      } catch (error) {
        out.refused.push({ reason: 'malformed_protobuf', detail: error instanceof Error ? error.message.slice(0, 80) : 'undecodable' });
        return out;
      }
      const metrics = decoded.metrics ?? [];
      const seq = toNumber(decoded.seq);
      const stamp = toNumber(decoded.timestamp);
      const baseTs = typeof stamp === 'number' ? stamp : now;
      let session = sessions.get(deviceId);

      if (topic.type === 'NDEATH') {
        const bdSeq = toNumber(metrics.find((m) => m.name === 'bdSeq')?.value);
        // A death certificate of an earlier session (its bdSeq differs) says nothing about this one.
        if (session && session.bdSeq !== null && typeof bdSeq === 'number' && bdSeq !== session.bdSeq) return out;
        if (session) session.born = false;
        out.stale = { device: null };
        return out;
      }
      if (topic.type === 'NBIRTH') {
        const bdSeq = toNumber(metrics.find((m) => m.name === 'bdSeq')?.value);
        session = {
          born: true,
          bdSeq: typeof bdSeq === 'number' ? bdSeq : null,
          nextSeq: ((typeof seq === 'number' ? seq : 0) + 1) % 256,
          rebirthAsked: false,
          aliases: new Map(),
          deviceAliases: new Map(),
        };
        sessions.set(deviceId, session);
      } else {
        if (!session?.born) {
          out.refused.push({ reason: 'no_birth', detail: `${topic.type} before NBIRTH` });
          out.rebirth = !session?.rebirthAsked;
          if (session) session.rebirthAsked = true;
          else
            sessions.set(deviceId, {
              born: false,
              bdSeq: null,
              nextSeq: 0,
              rebirthAsked: true,
              aliases: new Map(),
              deviceAliases: new Map(),
            });
          return out;
        }
        if (typeof seq !== 'number' || seq !== session.nextSeq) {
          out.refused.push({ reason: 'seq_gap', detail: `expected seq ${session.nextSeq}, got ${String(seq)}` });
          out.rebirth = !session.rebirthAsked;
          session.rebirthAsked = true;
        }
        session.nextSeq = ((typeof seq === 'number' ? seq : session.nextSeq) + 1) % 256;
      }

      if (topic.type === 'DDEATH') {
        out.stale = { device: topic.device };
        return out;
      }
      const isDevice = topic.device !== null;
      let aliases = isDevice ? session.deviceAliases.get(topic.device as string) : session.aliases;
      if (topic.type === 'DBIRTH') {
        aliases = new Map();
        session.deviceAliases.set(topic.device as string, aliases);
      }
      if (!aliases) {
        out.refused.push({ reason: 'no_birth', detail: `${topic.type} for ${topic.device} before its DBIRTH` });
        out.rebirth = !session.rebirthAsked;
        session.rebirthAsked = true;
        return out;
      }
      const birth = topic.type === 'NBIRTH' || topic.type === 'DBIRTH';
      for (const metric of metrics) {
        const alias = toNumber(metric.alias);
        let name = metric.name ?? undefined;
        if (birth && name && typeof alias === 'number') aliases.set(alias, name);
        if (!name && typeof alias === 'number') name = aliases.get(alias);
        if (!name) {
          out.refused.push({ reason: 'unknown_alias', detail: `alias ${String(alias)}` });
          continue;
        }
        if (SKIPPED.test(name) || metric.isNull) continue;
        const value = toNumber(metric.value);
        // Strings, data sets, templates and bytes are properties, not time series.
        if (typeof value !== 'number' && typeof value !== 'boolean') continue;
        const ts = toNumber(metric.timestamp);
        addValue(out, deviceId, isDevice ? `${topic.device}:${name}` : name, value, typeof ts === 'number' ? ts : baseTs, now);
      }
      return out;
    },

    /** Forgets an edge node's session (the device was disconnected or deleted). */
    forget(deviceId: string) {
      sessions.delete(deviceId);
    },
  };
}

export type SparkplugHost = ReturnType<typeof createSparkplugHost>;
