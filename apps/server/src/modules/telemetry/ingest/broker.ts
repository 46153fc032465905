import { createServer, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { FastifyBaseLogger } from 'fastify';
import type { DeviceRow } from '../device.repo.js';
import type { IngestService } from './ingest.service.js';
import { SPARKPLUG_NAMESPACE } from './sparkplug.js';

/** CONNACK return code 4 (MQTT 3.1.1): bad user name or password. */
const BAD_CREDENTIALS = 4;

export interface TelemetryBroker {
  /** Listens on the port (0 = a free one, for tests); resolves with the port bound. */
  start(options: { port: number; host: string }): Promise<number>;
  /** The port bound, or null when not started. */
  readonly port: number | null;
  /** Publishes a command to the devices (QoS 0, not retained): Sparkplug NCMD rebirth requests. */
  publish(topic: string, payload: Buffer): void;
  close(): Promise<void>;
}

/**
 * The embedded MQTT broker (aedes, issue #14 item 2). Each client authenticates at CONNECT with its
 * device key (user name) and secret (password): anything else is refused with return code 4. A
 * device publishes only on its own topics — `suilian/v1/<key>/telemetry` and Sparkplug B with its
 * key as edge node id; a publish elsewhere is counted and the connection dropped. authorizePublish
 * calls back only once the message's points are durable: aedes writes a QoS 1 PUBACK after that
 * callback, so an acknowledged point is a stored point, and a client whose batch waits for room in
 * the queue is not read meanwhile (back-pressure through TCP).
 */
export function createTelemetryBroker(deps: { ingest: IngestService; log: FastifyBaseLogger }): TelemetryBroker {
  const devices = new WeakMap<Client, DeviceRow>();
  const aedes = new Aedes({
    authenticate: (client, username, password, done) => {
      deps.ingest.authenticate(username, password?.toString('utf8')).then(
        (device) => {
          if (device) {
            devices.set(client, device);
            return done(null, true);
          }
          deps.log.warn({ device: username?.slice(0, 64) }, 'MQTT connect refused: bad device credentials');
          const error = new Error('bad device credentials') as AuthenticateError;
          error.returnCode = BAD_CREDENTIALS;
          done(error, false);
        },
        (error: unknown) => {
          deps.log.error({ err: error }, 'MQTT authentication failed');
          const failure = new Error('authentication unavailable') as AuthenticateError;
          failure.returnCode = 3;
          done(failure, false);
        },
      );
    },
    authorizePublish: (client, packet, done) => {
      const device = client ? devices.get(client) : undefined;
      if (!device) return done(new Error('not authenticated'));
      const kind = deps.ingest.classify(device, packet.topic);
      if (kind.kind === 'refused') {
        deps.ingest.refuseTopic(device, kind.reason, packet.topic);
        return done(new Error(`${kind.reason}: ${packet.topic}`));
      }
      deps.ingest.mqttMessage(device, kind, packet.payload as Buffer).then(
        () => done(null),
        // The batch could not be written: no PUBACK, the connection drops, the client sends again.
        (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
      );
    },
    authorizeSubscribe: (client, subscription, done) => {
      const device = devices.get(client);
      done(null, device && mayHear(device.deviceKey, subscription.topic) ? subscription : null);
    },
  });
  aedes.on('clientDisconnect', (client) => {
    const device = devices.get(client);
    if (device) deps.ingest.disconnected(device);
  });
  aedes.on('clientError', (client, error) => deps.log.debug({ client: client.id, err: error.message }, 'MQTT client error'));

  let server: Server | null = null;
  let port: number | null = null;
  return {
    async start(options) {
      await aedes.listen();
      // Sparkplug B 3.0: the primary host announces itself online with a retained STATE message.
      aedes.publish(
        {
          cmd: 'publish',
          topic: `${SPARKPLUG_NAMESPACE}/STATE/suilian`,
          payload: Buffer.from(JSON.stringify({ online: true, timestamp: Date.now() })),
          qos: 1,
          retain: true,
          dup: false,
        },
        () => undefined,
      );
      const listening = createServer(aedes.handle);
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(options.port, options.host, () => resolve());
      });
      server = listening;
      const address = listening.address();
      port = typeof address === 'object' && address ? address.port : options.port;
      return port;
    },
    get port() {
      return port;
    },
    publish(topic, payload) {
      aedes.publish({ cmd: 'publish', topic, payload, qos: 0, retain: false, dup: false }, (error) => {
        if (error) deps.log.warn({ topic, err: error.message }, 'MQTT command not published');
      });
    },
    async close() {
      const open = server;
      server = null;
      port = null;
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      if (open) await new Promise<void>((resolve) => open.close(() => resolve()));
    },
  };
}

/** A device hears its own topics, the commands for it (NCMD/DCMD) and the hosts' STATE. */
function mayHear(deviceKey: string, topic: string): boolean {
  if (topic.startsWith(`suilian/v1/${deviceKey}/`)) return true;
  const parts = topic.split('/');
  if (parts[0] !== SPARKPLUG_NAMESPACE) return false;
  if (parts[1] === 'STATE') return parts.length === 3;
  return (parts[2] === 'NCMD' || parts[2] === 'DCMD') && parts[3] === deviceKey;
}
