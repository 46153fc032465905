import { definePolicy } from '../../platform/policy/policy.js';

/** A device (or one of its alarms) as the policy sees it: through the private network it belongs to. */
export interface DeviceOwner {
  districtId: string;
  enterpriseId: string;
  operatorId: string;
}

/**
 * Who may do what with devices and their alarms (issue #14 items 2 and 4), scope as data (ADR 0011):
 * whoever reads the network reads its devices, series and alarms (the district it counts in, its
 * enterprise, its operator, the city); the network's operator and its enterprise register devices
 * and acknowledge alarms (device:write), district officers do not.
 */
export const devicePolicy = definePolicy<DeviceOwner, 'read' | 'write'>('device', {
  read: { access: 'network:read', scope: { district: 'districtId', organisation: ['enterpriseId', 'operatorId'] } },
  write: { access: 'device:write', scope: { district: null, organisation: ['enterpriseId', 'operatorId'] } },
});

/** The same rules for alarms, so a 404 names the alarm. */
export const alarmPolicy = definePolicy<DeviceOwner, 'read' | 'acknowledge'>('alarm', {
  read: { access: 'network:read', scope: { district: 'districtId', organisation: ['enterpriseId', 'operatorId'] } },
  acknowledge: { access: 'device:write', scope: { district: null, organisation: ['enterpriseId', 'operatorId'] } },
});
