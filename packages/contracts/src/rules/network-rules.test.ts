import { describe, expect, it } from 'vitest';
import { CreateNetworkSchema } from '../networks.js';
import { checkSlice, formatSnssai, isStandard5qi, NETWORK_STATES, networkActionsFrom, nextNetworkState } from './network-rules.js';

describe('private network lifecycle (#14 item 1)', () => {
  it('goes planned → building → in service → retired, one step at a time', () => {
    expect(nextNetworkState('planned', 'start_building')).toBe('building');
    expect(nextNetworkState('building', 'go_live')).toBe('in_service');
    expect(nextNetworkState('in_service', 'retire')).toBe('retired');
    expect(nextNetworkState('planned', 'go_live')).toBeNull();
    expect(nextNetworkState('in_service', 'start_building')).toBeNull();
  });

  it('retires from any state but retired, and nothing follows retirement', () => {
    for (const state of NETWORK_STATES) expect(nextNetworkState(state, 'retire')).toBe(state === 'retired' ? null : 'retired');
    expect(networkActionsFrom('retired')).toEqual([]);
    expect(networkActionsFrom('planned')).toEqual(['start_building', 'retire']);
  });
});

describe('slices: S-NSSAI and 5QI (#14 item 1)', () => {
  it('takes SST 1–255 only', () => {
    expect(checkSlice({ sst: 0, fiveQi: 9 })).toEqual({ field: 'sst', rule: 'sst_range' });
    expect(checkSlice({ sst: 256, fiveQi: 9 })).toEqual({ field: 'sst', rule: 'sst_range' });
    expect(checkSlice({ sst: 1.5, fiveQi: 9 })).toEqual({ field: 'sst', rule: 'sst_range' });
    expect(checkSlice({ sst: 255, fiveQi: 9 })).toBeNull();
  });

  it('takes an SD of exactly six hex digits, not the reserved FFFFFF', () => {
    expect(checkSlice({ sst: 1, sd: 'a1b2c3', fiveQi: 9 })).toBeNull();
    expect(checkSlice({ sst: 1, sd: null, fiveQi: 9 })).toBeNull();
    expect(checkSlice({ sst: 1, sd: 'A1B2C', fiveQi: 9 })).toEqual({ field: 'sd', rule: 'sd_format' });
    expect(checkSlice({ sst: 1, sd: 'G1B2C3', fiveQi: 9 })).toEqual({ field: 'sd', rule: 'sd_format' });
    expect(checkSlice({ sst: 1, sd: 'ffffff', fiveQi: 9 })).toEqual({ field: 'sd', rule: 'sd_reserved' });
  });

  it('takes only standardized 5QI values (TS 23.501 Table 5.7.4-1)', () => {
    for (const v of [1, 5, 9, 10, 65, 80, 82, 90]) expect(isStandard5qi(v), String(v)).toBe(true);
    for (const v of [0, 11, 64, 75, 81, 91, 128, 255]) expect(isStandard5qi(v), String(v)).toBe(false);
    expect(checkSlice({ sst: 2, fiveQi: 75 })).toEqual({ field: 'fiveQi', rule: 'five_qi_standard' });
  });

  it('writes the S-NSSAI as SST-SD in hex', () => {
    expect(formatSnssai({ sst: 1, sd: '00a1b2' })).toBe('01-00A1B2');
    expect(formatSnssai({ sst: 255, sd: null })).toBe('FF');
  });

  it('refuses a slice or a contract out of order in the input schema, naming the rule', () => {
    const base = {
      enterpriseId: '00000000-0000-4000-8000-000000000001',
      name: '专网',
      mode: 'virtual',
      bands: ['n78'],
      upfLocation: 'operator_edge',
      sites: [{ districtId: '00000000-0000-4000-8000-000000000002', address: '地址' }],
    };
    expect(CreateNetworkSchema.safeParse(base).success).toBe(true);
    const bad = CreateNetworkSchema.safeParse({ ...base, slices: [{ name: 'x', sst: 1, sd: 'FFFFFF', fiveQi: 9 }] });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['slices', 0, 'sd'], params: { rule: 'sd_reserved' } });
    const order = CreateNetworkSchema.safeParse({ ...base, contractStart: '2026-02-01', contractEnd: '2026-01-01' });
    expect(order.error?.issues[0]).toMatchObject({ path: ['contractEnd'] });
  });
});
