import type { Alarm, AlarmListQuery, AlarmType } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { notFound, refusal } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';
import { alarmNotice } from './alarm.notice.js';
import { type AlarmWithOwner, createAlarmRepo } from './alarm.repo.js';
import { alarmPolicy } from './telemetry.policy.js';

export interface AlarmServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/** What raises an alarm: the system (inactivity timer, detectors, Sparkplug session). */
export interface RaiseAlarm {
  type: AlarmType;
  deviceId: string;
  /** The metric, for the detectors' per-metric alarms. */
  metric?: string;
  severity: Alarm['severity'];
  details: Record<string, unknown>;
}

function present(row: AlarmWithOwner): Alarm {
  const { alarm } = row;
  return {
    id: alarm.id,
    type: alarm.type,
    severity: alarm.severity,
    state: alarm.clearedAt ? 'cleared' : alarm.acknowledgedAt ? 'acknowledged' : 'active',
    deviceId: alarm.deviceId,
    deviceKey: row.deviceKey,
    deviceName: row.deviceName,
    metric: alarm.metric || null,
    networkId: row.networkId,
    networkName: row.networkName,
    raisedAt: alarm.raisedAt.toISOString(),
    acknowledgedAt: alarm.acknowledgedAt?.toISOString() ?? null,
    clearedAt: alarm.clearedAt?.toISOString() ?? null,
    details: alarm.details,
  };
}

/**
 * Alarms (issue #14 item 4): one open alarm per type and originator (device, or device and metric),
 * raised and cleared by the system (the inactivity watch, the detectors, the Sparkplug host), acknowledged by the network's enterprise or operator. Raising one
 * notifies both in the same transaction.
 */
export function createAlarmService(deps: AlarmServiceDeps) {
  async function presentOne(db: DbOrTx, id: string): Promise<Alarm> {
    const row = await createAlarmRepo(db).findById(id);
    if (!row) throw notFound('alarm');
    return present(row);
  }

  /**
   * Raises an alarm of the type on the device (and metric) unless one is already open, and
   * notifies the network's enterprise and operator in the same transaction; the new alarm or null.
   */
  async function raise(input: RaiseAlarm): Promise<Alarm | null> {
    return deps.db.transaction(async (tx) => {
      const created = await createAlarmRepo(tx).raise({
        type: input.type,
        deviceId: input.deviceId,
        metric: input.metric ?? '',
        severity: input.severity,
        raisedAt: deps.clock.now(),
        details: input.details,
      });
      if (!created) return null;
      const alarm = await createAlarmRepo(tx).findById(created.id);
      if (!alarm) return null;
      await deps.notifications.notify(
        tx,
        [
          { role: 'enterprise_user', orgId: alarm.enterpriseId },
          { role: 'provider_user', orgId: alarm.operatorId },
        ],
        alarmNotice(alarm),
      );
      return present(alarm);
    });
  }

  /** Clears the open alarm of the type on the device (and metric): its cause ended; whether one was open. */
  async function clear(type: AlarmType, deviceId: string, metric?: string): Promise<boolean> {
    return (await createAlarmRepo(deps.db).clear(type, deviceId, metric ?? '', deps.clock.now())) !== null;
  }

  return {
    raise,
    clear,

    async list(actor: Actor, query: AlarmListQuery) {
      const page = await createAlarmRepo(deps.db).findPage(alarmPolicy.reach(actor, 'read'), query);
      return { items: page.items.map(present), total: page.total };
    },

    async acknowledge(actor: Actor, id: string): Promise<Alarm> {
      alarmPolicy.authorize(actor, 'acknowledge');
      return deps.db.transaction(async (tx) => {
        const row = await createAlarmRepo(tx).findById(id);
        if (!row) throw notFound('alarm');
        alarmPolicy.authorize(actor, 'acknowledge', row);
        if (row.alarm.clearedAt || row.alarm.acknowledgedAt)
          throw refusal('CONFLICT', 'alarm.not_active', 'only an active alarm can be acknowledged', {
            state: row.alarm.clearedAt ? 'cleared' : 'acknowledged',
          });
        await createAlarmRepo(tx).acknowledge(id, actor.userId, deps.clock.now());
        const after = await presentOne(tx, id);
        await deps.audit.append(tx, actor, { action: 'alarm.acknowledge', entityType: 'alarm', entityId: id, before: present(row), after });
        return after;
      });
    },

    /** Raises the inactivity alarm of a device (once while open). */
    raiseInactivity: (deviceId: string, silentSeconds: number) =>
      raise({ type: 'inactivity', deviceId, severity: 'major', details: { silentSeconds } }),

    /** Clears a device's open inactivity alarm (data resumed); whether one was open. */
    clearInactivity: (deviceId: string) => clear('inactivity', deviceId),

    /** Devices whose inactivity alarm is open (so resumed data clears it after a restart). */
    openInactivity: () => createAlarmRepo(deps.db).openDevices('inactivity'),
  };
}

export type AlarmService = ReturnType<typeof createAlarmService>;
