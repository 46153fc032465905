import dayjs, { type Dayjs } from 'dayjs';
import type { RegistryConfig } from './configs';

export interface TraineeValues {
  name?: string;
  organisation?: string | null;
  completed?: boolean;
}

/** A record's `data` as form values: dates become dayjs, trainees get rows. */
export function toFormData(config: RegistryConfig, data: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of config.fields) {
    const value = data[field.name];
    if (field.type === 'date') values[field.name] = typeof value === 'string' ? dayjs(value) : null;
    else if (field.type === 'trainees') values[field.name] = Array.isArray(value) ? value : [];
    else values[field.name] = value ?? undefined;
  }
  return values;
}

/** Form values back to the `data` the server validates: dates as YYYY-MM-DD, blanks as null (optional) or "" (required, refused). */
export function fromFormData(config: RegistryConfig, values: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of config.fields) {
    const value = values[field.name];
    switch (field.type) {
      case 'date':
        data[field.name] = value ? (value as Dayjs).format('YYYY-MM-DD') : field.required ? undefined : null;
        break;
      case 'number':
      case 'year':
        data[field.name] = typeof value === 'number' ? value : undefined;
        break;
      case 'trainees':
        data[field.name] = ((value as TraineeValues[] | undefined) ?? [])
          .filter((row) => row?.name?.trim())
          .map((row) => ({
            name: (row.name ?? '').trim(),
            organisation: row.organisation?.trim() || null,
            completed: Boolean(row.completed),
          }));
        break;
      default: {
        const text = typeof value === 'string' ? value.trim() : value;
        data[field.name] = text === '' || text === undefined || text === null ? (field.required ? undefined : null) : text;
      }
    }
  }
  return data;
}

/** Completed trainees of a training (the talents of T-PUB-4). */
export function completedCount(trainees: unknown): { completed: number; total: number } {
  const rows = Array.isArray(trainees) ? (trainees as TraineeValues[]) : [];
  return { completed: rows.filter((r) => r?.completed).length, total: rows.length };
}
