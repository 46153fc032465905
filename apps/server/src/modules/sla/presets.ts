import type { SlaItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { createSlaRepo } from './sla.repo.js';

/**
 * The preset profiles (issue #14 item 3), from 3GPP TS 22.104's use cases and GSMA NG.116's slice
 * templates as the programme reads them: AGV and motion control ≤ 20 ms with jitter < 3 ms and
 * 99.99 % availability; machine vision ≥ 100 Mbit/s uplink; cloud PLC < 10 ms with 99.99 %; and
 * a coverage acceptance by SS-RSRP / SS-SINR class. The survival times are the transfer interval
 * the applications bridge (one missed cycle for AGVs, none for a cloud PLC).
 */
export const SLA_PRESETS: ReadonlyArray<{ code: string; nameZh: string; nameEn: string; items: SlaItem[] }> = [
  {
    code: 'agv_motion',
    nameZh: 'AGV / 运动控制',
    nameEn: 'AGV / motion control',
    items: [
      { metric: 'latency_p99_ms', op: 'lte', threshold: 20 },
      { metric: 'jitter_ms', op: 'lt', threshold: 3 },
      { metric: 'loss_pct', op: 'lte', threshold: 0.1 },
      { metric: 'availability_pct', op: 'gte', threshold: 99.99, survivalTimeMs: 1000 },
    ],
  },
  {
    code: 'machine_vision',
    nameZh: '机器视觉质检',
    nameEn: 'Machine vision inspection',
    items: [
      { metric: 'uplink_p5_mbps', op: 'gte', threshold: 100 },
      { metric: 'latency_p95_ms', op: 'lte', threshold: 50 },
    ],
  },
  {
    code: 'cloud_plc',
    nameZh: '云化PLC',
    nameEn: 'Cloud PLC',
    items: [
      { metric: 'latency_p99_ms', op: 'lt', threshold: 10 },
      { metric: 'jitter_ms', op: 'lt', threshold: 1 },
      { metric: 'availability_pct', op: 'gte', threshold: 99.99, survivalTimeMs: 0 },
    ],
  },
  {
    code: 'coverage',
    nameZh: '覆盖验收',
    nameEn: 'Coverage acceptance',
    items: [
      { metric: 'coverage_good_pct', op: 'gte', threshold: 95 },
      { metric: 'downlink_p50_mbps', op: 'gte', threshold: 300 },
    ],
  },
];

/** Adds the presets that are missing (by code); presets the city edited are left alone. Returns the codes added. */
export async function ensureSlaPresets(tx: DbOrTx, now: Date): Promise<string[]> {
  const added: string[] = [];
  for (const preset of SLA_PRESETS) {
    const created = await createSlaRepo(tx).insertProfile({ ...preset, preset: true, createdAt: now, updatedAt: now });
    if (created) added.push(preset.code);
  }
  return added;
}
