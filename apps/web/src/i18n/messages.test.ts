import { ERROR_CODES, ORG_KINDS, PROVIDER_TYPES, ROLES } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import enUS from './en-US';
import zhCN from './zh-CN';

/** Every leaf key path of a messages object, e.g. `errors.NOT_FOUND`. */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('console messages', () => {
  it('have the same keys in zh-CN and en-US, none empty', () => {
    expect(keys(enUS).sort()).toEqual(keys(zhCN).sort());
    for (const messages of [zhCN, enUS]) {
      for (const path of keys(messages)) {
        const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(value, path).toMatch(/\S/);
      }
    }
  });

  it('localise every API error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(zhCN.errors[code], code).toBeTruthy();
      expect(enUS.errors[code], code).toBeTruthy();
      expect(zhCN.errors[code]).not.toBe(enUS.errors[code]);
    }
  });

  // Permissions are left out on purpose: new ones appear with server modules and fall back to their id.
  it('name every role, organisation kind and provider type', () => {
    for (const role of ROLES) expect(zhCN.roles[role] && enUS.roles[role], role).toBeTruthy();
    for (const kind of ORG_KINDS) expect(zhCN.orgKinds[kind] && enUS.orgKinds[kind], kind).toBeTruthy();
    for (const type of PROVIDER_TYPES) expect(zhCN.providerTypes[type] && enUS.providerTypes[type], type).toBeTruthy();
  });

  it('use the glossary terms for roles', () => {
    expect(zhCN.roles).toMatchObject({ city_admin: '市级管理员', district_officer: '区级专员', expert: '评审专家', auditor: '审计人员' });
    expect(enUS.roles).toMatchObject({ city_admin: 'City administrator', expert: 'Expert reviewer' });
  });
});
