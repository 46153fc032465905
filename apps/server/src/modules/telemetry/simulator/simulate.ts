import mqtt, { type MqttClient } from 'mqtt';
import sparkplugPayload from 'sparkplug-payload';
import type { SimulatedDevice } from './provision.js';

const codec = sparkplugPayload.get('spBv1.0');
if (!codec) throw new Error('sparkplug-payload lacks spBv1.0');
const spB = codec;
const GROUP = 'suilian-sim';

export interface SimulationOptions {
  url: string;
  devices: SimulatedDevice[];
  /** NDATA messages per second per device. */
  rate: number;
  /** Every this many seconds one device falls silent for `silenceSeconds` (an inactivity alarm). */
  faultEverySeconds: number;
  silenceSeconds: number;
  log(line: string): void;
}

/** One Sparkplug B edge node: birth, data in sequence, rebirth on request, death as its will. */
function startNode(device: SimulatedDevice, options: SimulationOptions, index: number) {
  const node = device.deviceKey;
  const base = `spBv1.0/${GROUP}`;
  let seq = 0;
  let bdSeq = 0;
  let silentUntil = 0;
  const nextSeq = () => {
    const s = seq;
    seq = (seq + 1) % 256;
    return s;
  };
  const phase = (index * 0.37) % (2 * Math.PI);
  const reading = (t: number) => ({
    temperature: 45 + 8 * Math.sin(t / 60_000 + phase) + Math.random(),
    vibration: 2 + Math.abs(Math.sin(t / 7_000 + phase)) + Math.random() * 0.3,
    latency: 8 + Math.random() * 4 + (Math.random() < 0.01 ? 30 : 0),
  });
  const death = () => Buffer.from(spB.encodePayload({ timestamp: Date.now(), metrics: [{ name: 'bdSeq', type: 'UInt64', value: bdSeq }] }));
  const client: MqttClient = mqtt.connect(options.url, {
    username: device.deviceKey,
    password: device.secret,
    protocolVersion: 4,
    reconnectPeriod: 2000,
    will: { topic: `${base}/NDEATH/${node}`, payload: death(), qos: 0, retain: false },
  });
  const birth = () => {
    seq = 0;
    const now = Date.now();
    const r = reading(now);
    const payload = spB.encodePayload({
      timestamp: now,
      seq: nextSeq(),
      metrics: [
        { name: 'bdSeq', type: 'UInt64', value: bdSeq },
        { name: 'Node Control/Rebirth', type: 'Boolean', value: false },
        { name: 'temperature', alias: 1, type: 'Double', value: r.temperature },
        { name: 'vibration', alias: 2, type: 'Double', value: r.vibration },
        { name: 'latency_ms', alias: 3, type: 'Double', value: r.latency },
      ],
    });
    client.publish(`${base}/NBIRTH/${node}`, Buffer.from(payload), { qos: 1 });
  };
  client.on('connect', () => {
    client.subscribe(`${base}/NCMD/${node}`, { qos: 0 });
    birth();
  });
  client.on('message', (topic) => {
    if (topic === `${base}/NCMD/${node}`) birth();
  });
  client.on('error', (error) => options.log(`${node}: ${error.message}`));
  const timer = setInterval(
    () => {
      const now = Date.now();
      if (!client.connected || now < silentUntil) return;
      const r = reading(now);
      const payload = spB.encodePayload({
        timestamp: now,
        seq: nextSeq(),
        metrics: [
          { alias: 1, type: 'Double', value: r.temperature },
          { alias: 2, type: 'Double', value: r.vibration },
          { alias: 3, type: 'Double', value: r.latency },
        ],
      });
      client.publish(`${base}/NDATA/${node}`, Buffer.from(payload), { qos: 1 });
    },
    Math.max(10, Math.round(1000 / options.rate)),
  );
  return {
    silence(seconds: number) {
      silentUntil = Date.now() + seconds * 1000;
    },
    async stop() {
      clearInterval(timer);
      bdSeq += 1;
      await client.endAsync();
    },
  };
}

/**
 * The device simulator (issue #14 item 5): Sparkplug B edge nodes publishing over MQTT to the
 * running server, with an injected fault — one node falls silent now and then, so its inactivity
 * alarm is raised and, when it resumes, cleared. Resolves with a stop function.
 */
export function simulateDevices(options: SimulationOptions): () => Promise<void> {
  const nodes = options.devices.map((device, index) => startNode(device, options, index));
  let turn = 0;
  const faults = setInterval(() => {
    const victim = nodes[turn % nodes.length];
    const key = options.devices[turn % nodes.length]?.deviceKey;
    turn += 1;
    victim?.silence(options.silenceSeconds);
    options.log(`fault: ${key} silent for ${options.silenceSeconds} s`);
  }, options.faultEverySeconds * 1000);
  return async () => {
    clearInterval(faults);
    await Promise.all(nodes.map((n) => n.stop()));
  };
}
