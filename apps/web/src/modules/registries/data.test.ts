import { REGISTRY_DATA_SCHEMAS } from '@suilian/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { REGISTRY_CONFIGS } from './configs';
import { completedCount, fromFormData, toFormData } from './data';

describe('registry form data', () => {
  it('turns form values into data the server schema accepts (patents)', () => {
    const data = fromFormData(REGISTRY_CONFIGS.patents, {
      number: ' ZL201710601862.3 ',
      kind: 'invention',
      applicationDate: dayjs('2017-07-20'),
      grantDate: null,
      owner: '广州某某科技有限公司',
    });
    expect(data).toEqual({
      number: 'ZL201710601862.3',
      kind: 'invention',
      applicationDate: '2017-07-20',
      grantDate: null,
      owner: '广州某某科技有限公司',
    });
    expect(REGISTRY_DATA_SCHEMAS.patents.safeParse(data).success).toBe(true);
  });

  it('keeps trainees with a name, blank organisations as null, and counts the completed', () => {
    const data = fromFormData(REGISTRY_CONFIGS.trainings, {
      organiser: '市工信局',
      endDate: undefined,
      trainees: [{ name: '张三', organisation: ' ', completed: true }, { name: '李四' }, { name: '  ' }],
    });
    expect(data.trainees).toEqual([
      { name: '张三', organisation: null, completed: true },
      { name: '李四', organisation: null, completed: false },
    ]);
    expect(REGISTRY_DATA_SCHEMAS.trainings.safeParse(data).success).toBe(true);
    expect(completedCount(data.trainees)).toEqual({ completed: 1, total: 2 });
  });

  it('round-trips a record through the form', () => {
    const data = { level: 'national', role: 'led', number: 'GB/T 12345-2025', status: 'published' };
    expect(fromFormData(REGISTRY_CONFIGS.standards, toFormData(REGISTRY_CONFIGS.standards, data))).toEqual(data);
    const events = { kind: 'exchange_meeting', organiser: '市工信局', attendance: 120 };
    expect(fromFormData(REGISTRY_CONFIGS.events, toFormData(REGISTRY_CONFIGS.events, events))).toEqual(events);
  });
});
