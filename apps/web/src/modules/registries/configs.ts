import type { RegistryKey } from '@suilian/contracts';
import type { TFunction } from 'i18next';
import type { Messages } from '../../i18n/zh-CN';

/** How a field of a record's `data` is edited and shown. */
export type RegistryFieldType = 'text' | 'textarea' | 'select' | 'date' | 'number' | 'year' | 'patentNumber' | 'testPlatform' | 'trainees';

export interface RegistryField {
  /** The key inside `data` (REGISTRY_DATA_SCHEMAS). */
  name: string;
  label: keyof Messages['fields'];
  type: RegistryFieldType;
  /** Values of a select; their labels are `registryOptions.<registry>.<field>.<value>`. */
  options?: readonly string[];
  required?: boolean;
  /** Longest text, or the range of a number. */
  max?: number;
  min?: number;
  /** Shown as a column of the list. */
  column?: boolean;
}

export interface RegistryConfig {
  key: RegistryKey;
  fields: readonly RegistryField[];
  /** The data field lists filter by (REGISTRY_KIND_FIELD). */
  kindField?: string;
  /** The record's `quantity` (attendance of an event, completed trainees) as a column. */
  quantity?: 'events' | 'trainings';
}

const text = (name: string, label: keyof Messages['fields'], max: number, extra: Partial<RegistryField> = {}): RegistryField => ({
  name,
  label,
  type: 'text',
  max,
  required: true,
  ...extra,
});
const select = (name: string, label: keyof Messages['fields'], options: readonly string[], column = true): RegistryField => ({
  name,
  label,
  type: 'select',
  options,
  required: true,
  column,
});
const date = (name: string, label: keyof Messages['fields'], required: boolean): RegistryField => ({ name, label, type: 'date', required });

/**
 * One small config per registry drives the generic list, form and detail (issue #3 item 5); the
 * unit test checks each against REGISTRY_DATA_SCHEMAS so a new field on the server shows up here.
 */
export const REGISTRY_CONFIGS: Record<RegistryKey, RegistryConfig> = {
  standards: {
    key: 'standards',
    kindField: 'level',
    fields: [
      select('level', 'level', ['international', 'national', 'industry', 'group']),
      select('role', 'participation', ['led', 'participated']),
      text('number', 'number', 64, { required: false, column: true }),
      select('status', 'status', ['drafting', 'approved', 'published']),
    ],
  },
  patents: {
    key: 'patents',
    kindField: 'kind',
    fields: [
      { name: 'number', label: 'number', type: 'patentNumber', required: true, column: true },
      select('kind', 'patentKind', ['invention', 'utility_model', 'design']),
      { ...date('applicationDate', 'applicationDate', true), column: true },
      date('grantDate', 'grantDate', false),
      text('owner', 'owner', 128, { column: true }),
    ],
  },
  'pilot-projects': {
    key: 'pilot-projects',
    kindField: 'level',
    fields: [
      text('listName', 'listName', 200, { column: true }),
      select('level', 'level', ['national', 'provincial']),
      { name: 'year', label: 'year', type: 'year', required: true, min: 2015, max: 2100, column: true },
    ],
  },
  carriers: {
    key: 'carriers',
    kindField: 'kind',
    fields: [
      select('kind', 'listType', ['industry_college', 'school_enterprise_base', 'training_base', 'other']),
      text('partnerSchool', 'partnerSchool', 128, { column: true }),
    ],
  },
  platforms: {
    key: 'platforms',
    fields: [
      text('operator', 'operator', 128, { column: true }),
      text('sector', 'sector', 64, { column: true }),
      { ...date('launchDate', 'launchDate', true), column: true },
    ],
  },
  events: {
    key: 'events',
    kindField: 'kind',
    quantity: 'events',
    fields: [
      select('kind', 'listType', ['exchange_meeting', 'training', 'case_release', 'hundred_cities']),
      text('organiser', 'organiser', 128, { column: true }),
      { name: 'attendance', label: 'attendance', type: 'number', required: true, min: 0, max: 1_000_000 },
    ],
  },
  trainings: {
    key: 'trainings',
    quantity: 'trainings',
    fields: [
      text('organiser', 'organiser', 128, { column: true }),
      { ...date('endDate', 'endDate', false), column: true },
      { name: 'trainees', label: 'trainees', type: 'trainees', required: true },
    ],
  },
  research: {
    key: 'research',
    kindField: 'topic',
    fields: [
      select('topic', 'topic', ['slicing', 'detnet', '5g_tsn', 'cloud_plc', 'redcap', 'passive_iot', 'isac', '6g', 'other']),
      text('leadOrganisation', 'leadOrganisation', 128, { column: true }),
      { ...date('endDate', 'endDate', false), column: true },
    ],
  },
  products: {
    key: 'products',
    kindField: 'category',
    fields: [
      select('category', 'listType', ['module', 'terminal', 'router', 'agv', 'camera', 'robot', 'chip', 'other']),
      text('model', 'model', 64, { column: true }),
      text('vendor', 'vendor', 128, { column: true }),
    ],
  },
  'test-platforms': {
    key: 'test-platforms',
    fields: [
      text('operator', 'operator', 128, { column: true }),
      { name: 'scope', label: 'scope', type: 'textarea', required: true, max: 500 },
    ],
  },
  'test-records': {
    key: 'test-records',
    kindField: 'result',
    fields: [
      { name: 'platformId', label: 'platformId', type: 'testPlatform', required: true, column: true },
      text('subject', 'subject', 200, { column: true }),
      select('result', 'result', ['passed', 'failed', 'conditional']),
    ],
  },
};

/** The localised label of a select value (`registryOptions.<registry>.<field>.<value>`); the value itself when unknown. */
export function optionLabel(t: TFunction, registry: RegistryKey, field: string, value: unknown): string {
  if (typeof value !== 'string') return value === null || value === undefined ? '—' : String(value);
  const all = t('registryOptions', { returnObjects: true }) as unknown as Record<
    string,
    Record<string, Record<string, string>> | undefined
  >;
  return all[registry]?.[field]?.[value] ?? value;
}

/** The kind field of a registry, with its options (for the kind filter and the kind column). */
export function kindFieldOf(config: RegistryConfig): RegistryField | undefined {
  return config.kindField ? config.fields.find((f) => f.name === config.kindField) : undefined;
}
