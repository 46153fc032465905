import { API } from '@suilian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, refusal } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { AlarmService } from './alarm.service.js';
import type { DeviceService } from './device.service.js';
import type { IngestService } from './ingest/ingest.service.js';

/** The device key and secret of an HTTP Basic `Authorization` header. */
function basicCredentials(request: FastifyRequest): { key?: string; secret?: string } {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return {};
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? {} : { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export function registerTelemetryRoutes(app: FastifyInstance, devices: DeviceService, alarms: AlarmService, ingest: IngestService) {
  serveEndpoint(app, API.listNetworkDevices, async (request) => devices.list(actorOf(request), request.params.id, request.query));
  serveEndpoint(app, API.registerDevice, async (request) => devices.register(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.renewDeviceSecret, async (request) => devices.renewSecret(actorOf(request), request.params.id));
  serveEndpoint(app, API.getDeviceTelemetry, async (request) => devices.telemetry(actorOf(request), request.params.id));
  serveEndpoint(app, API.getDeviceSeries, async (request) => devices.series(actorOf(request), request.params.id, request.query));
  serveEndpoint(app, API.listAlarms, async (request) => alarms.list(actorOf(request), request.query));
  serveEndpoint(app, API.acknowledgeAlarm, async (request) => alarms.acknowledge(actorOf(request), request.params.id));
  serveEndpoint(app, API.ingestTelemetry, async (request) => {
    const { key, secret } = basicCredentials(request);
    const device = await ingest.authenticate(key, secret);
    if (!device) throw refusal('FORBIDDEN', 'telemetry.device_credentials', 'send the device key and secret as HTTP Basic credentials');
    const result = await ingest.httpBatch(device, request.body);
    if (!result) throw new AppError('SERVICE_UNAVAILABLE', 'the ingest queue is full; send again shortly');
    return result;
  });
}
