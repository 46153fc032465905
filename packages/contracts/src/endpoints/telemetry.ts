import { defineEndpoints } from '../api/endpoint.js';
import { IdParamsSchema, pageOf } from '../common.js';
import {
  AlarmListQuerySchema,
  AlarmSchema,
  DeviceListQuerySchema,
  DeviceSchema,
  DeviceSeriesSchema,
  DeviceTelemetrySchema,
  DeviceWithSecretSchema,
  IngestResultSchema,
  RegisterDeviceSchema,
  SeriesQuerySchema,
  TelemetryBatchSchema,
} from '../telemetry.js';

const tags = ['telemetry'];

/**
 * Telemetry of the private networks (issue #14 items 2 and 4): devices with their own credentials,
 * data points in (MQTT on the embedded broker, or the HTTP batch below), series and alarms out.
 */
export const telemetryEndpoints = defineEndpoints({
  listNetworkDevices: {
    method: 'GET',
    path: '/api/networks/:id/devices',
    access: 'network:read',
    tags,
    description: 'Devices registered to the private network.',
    params: IdParamsSchema,
    query: DeviceListQuerySchema,
    success: 200,
    response: pageOf(DeviceSchema),
  },
  registerDevice: {
    method: 'POST',
    path: '/api/networks/:id/devices',
    access: 'device:write',
    tags,
    description:
      'Registers a device (or gateway) to the network; the answer carries its secret, shown this once and stored only as a hash.',
    params: IdParamsSchema,
    body: RegisterDeviceSchema,
    success: 201,
    response: DeviceWithSecretSchema,
  },
  renewDeviceSecret: {
    method: 'POST',
    path: '/api/devices/:id/secret',
    access: 'device:write',
    tags,
    description: 'Issues a new secret for the device (shown this once); the old one stops working at once.',
    params: IdParamsSchema,
    success: 200,
    response: DeviceWithSecretSchema,
  },
  getDeviceTelemetry: {
    method: 'GET',
    path: '/api/devices/:id/telemetry',
    access: 'network:read',
    tags,
    description: 'The device, its latest value per metric (stale after a Sparkplug death) and its bad input counted per reason.',
    params: IdParamsSchema,
    success: 200,
    response: DeviceTelemetrySchema,
  },
  getDeviceSeries: {
    method: 'GET',
    path: '/api/devices/:id/series',
    access: 'network:read',
    tags,
    description: 'The 1-minute rollup (avg, min, max, count) of the device’s metrics over the last minutes.',
    params: IdParamsSchema,
    query: SeriesQuerySchema,
    success: 200,
    response: DeviceSeriesSchema,
  },
  ingestTelemetry: {
    method: 'POST',
    path: '/api/telemetry',
    access: 'public',
    tags,
    description:
      'For devices that cannot do MQTT: one reading `{ts?, values}` or an array of them, with the device’s credentials as HTTP Basic (device key : secret). Answers once the points are stored; 503 when the ingest queue is full.',
    body: TelemetryBatchSchema,
    success: 202,
    response: IngestResultSchema,
  },
  listAlarms: {
    method: 'GET',
    path: '/api/alarms',
    access: 'network:read',
    tags,
    description: 'Alarms of the devices in the caller’s reach, newest first; `state=open` is active or acknowledged.',
    query: AlarmListQuerySchema,
    success: 200,
    response: pageOf(AlarmSchema),
  },
  acknowledgeAlarm: {
    method: 'POST',
    path: '/api/alarms/:id/acknowledge',
    access: 'device:write',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: AlarmSchema,
  },
});
