import { REGISTRY_DATA_SCHEMAS, REGISTRY_KEYS, REGISTRY_KIND_FIELD } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import enUS from '../../i18n/en-US';
import zhCN from '../../i18n/zh-CN';
import { REGISTRY_CONFIGS } from './configs';

/** The inner schema of an optional / nullable / default wrapper. */
function unwrap(schema: unknown): { options?: readonly string[] } {
  let current = schema as { unwrap?: () => unknown; options?: readonly string[] };
  while (typeof current.unwrap === 'function') current = current.unwrap() as typeof current;
  return current;
}

type Shape = Record<string, { safeParse(value: unknown): { success: boolean } }>;

describe('registry configs', () => {
  it('cover every registry of the contracts', () => {
    expect(Object.keys(REGISTRY_CONFIGS).sort()).toEqual([...REGISTRY_KEYS].sort());
    for (const key of REGISTRY_KEYS) expect(REGISTRY_CONFIGS[key].key).toBe(key);
  });

  it('edit exactly the data fields the server validates, required where the schema requires them', () => {
    for (const key of REGISTRY_KEYS) {
      const shape = (REGISTRY_DATA_SCHEMAS[key] as unknown as { shape: Shape }).shape;
      const config = REGISTRY_CONFIGS[key];
      expect(config.fields.map((f) => f.name).sort(), key).toEqual(Object.keys(shape).sort());
      for (const field of config.fields) {
        const optional = shape[field.name]?.safeParse(undefined).success ?? false;
        expect(Boolean(field.required), `${key}.${field.name}`).toBe(!optional);
      }
    }
  });

  it('offer the enum values of the schema, each named in both languages', () => {
    for (const key of REGISTRY_KEYS) {
      const shape = (REGISTRY_DATA_SCHEMAS[key] as unknown as { shape: Record<string, unknown> }).shape;
      for (const field of REGISTRY_CONFIGS[key].fields.filter((f) => f.type === 'select')) {
        expect(field.options, `${key}.${field.name}`).toEqual(unwrap(shape[field.name]).options);
        for (const value of field.options ?? []) {
          for (const messages of [zhCN, enUS]) {
            const byRegistry = messages.registryOptions as Record<string, Record<string, Record<string, string>> | undefined>;
            expect(byRegistry[key]?.[field.name]?.[value], `${key}.${field.name}.${value}`).toBeTruthy();
          }
        }
      }
    }
  });

  it('filter by the kind field the server promotes, and label every field', () => {
    for (const key of REGISTRY_KEYS) {
      expect(REGISTRY_CONFIGS[key].kindField, key).toBe(REGISTRY_KIND_FIELD[key]);
      for (const field of REGISTRY_CONFIGS[key].fields) expect(zhCN.fields[field.label], `${key}.${field.name}`).toBeTruthy();
      expect(zhCN.menu[key] && enUS.menu[key], key).toBeTruthy();
      expect(zhCN.registryLabels[key].title && enUS.registryLabels[key].date, key).toBeTruthy();
    }
  });
});
