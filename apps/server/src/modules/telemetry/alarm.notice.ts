import { clip } from '../notifications/index.js';
import type { AlarmWithOwner } from './alarm.repo.js';

const num = (v: unknown) => (typeof v === 'number' ? v : '?');

/**
 * The notice a raised alarm sends to the network's enterprise and operator: what happened to
 * which device (and metric), in both languages. Inactivity keeps its own kind (filters and
 * preferences already name it); every other alarm is `telemetry.alarm`.
 */
export function alarmNotice(row: AlarmWithOwner) {
  const { alarm } = row;
  const device = clip(row.deviceName);
  const metric = clip(alarm.metric);
  const d = alarm.details;
  const link = `/networks/${row.networkId}`;
  const where = {
    zh: `专网「${row.networkName}」的设备 ${row.deviceKey}`,
    en: `Device ${row.deviceKey} of private network "${row.networkName}"`,
  };
  switch (alarm.type) {
    case 'inactivity':
      return {
        kind: 'telemetry.device_inactive',
        title: { zh: `设备离线告警：${device}`, en: `Device inactive: ${device}` },
        body: {
          zh: `${where.zh} 已 ${num(d.silentSeconds)} 秒未上报数据。`,
          en: `${where.en} has sent no data for ${num(d.silentSeconds)} s.`,
        },
        link,
      };
    case 'anomaly':
      return {
        kind: 'telemetry.alarm',
        title: { zh: `指标异常预警：${device} · ${metric}`, en: `Metric anomaly: ${device} · ${metric}` },
        body: {
          zh: `${where.zh} 的指标 ${metric} 偏离其正常范围（当前值 ${num(d.value)}），请检查设备是否存在故障隐患。`,
          en: `${where.en}: metric ${metric} left its normal range (value ${num(d.value)}); check the device for an incipient fault.`,
        },
        link,
      };
    case 'flatline':
      return {
        kind: 'telemetry.alarm',
        title: { zh: `数值停滞预警：${device} · ${metric}`, en: `Stuck value: ${device} · ${metric}` },
        body: {
          zh: `${where.zh} 的指标 ${metric} 已 ${num(d.stuckSeconds)} 秒保持同一数值，传感器可能卡滞。`,
          en: `${where.en}: metric ${metric} has repeated one value for ${num(d.stuckSeconds)} s; the sensor may be stuck.`,
        },
        link,
      };
    case 'dropout':
      return {
        kind: 'telemetry.alarm',
        title: { zh: `数据中断预警：${device} · ${metric}`, en: `Data dropout: ${device} · ${metric}` },
        body: {
          zh: `${where.zh} 的指标 ${metric} 中断了 ${num(d.gapSeconds)} 秒后才恢复上报。`,
          en: `${where.en}: metric ${metric} was missing for ${num(d.gapSeconds)} s before it resumed.`,
        },
        link,
      };
    case 'network_fault':
      return {
        kind: 'telemetry.alarm',
        title: { zh: `网络故障告警：${device}`, en: `Network fault: ${device}` },
        body:
          d.cause === 'ndeath'
            ? { zh: `${where.zh} 的 Sparkplug 会话已断开（NDEATH）。`, en: `${where.en}: its Sparkplug session died (NDEATH).` }
            : {
                zh: `${where.zh} 的 Sparkplug 消息序号出现缺口，可能存在丢包，已请求重新上线（rebirth）。`,
                en: `${where.en}: a gap in its Sparkplug sequence numbers (lost messages); a rebirth was requested.`,
              },
        link,
      };
  }
}
