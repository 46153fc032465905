import type { TemplateItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { createHandleRepo, type NewRecord } from './handle.repo.js';
import { handleTemplate } from './handle.table.js';
import { chinaDay } from './logic/counters.js';
import { asciiUpper } from './logic/syntax.js';
import { attributeValues, stringValue } from './logic/template.js';
import { defaultAdminValue, isoSeconds } from './logic/values.js';

/** GB/T 4754-2017 C3831 电线、电缆制造: the demo template of 88.118.8. */
const CABLE_ITEMS: TemplateItem[] = [
  { name: 'productName', label: '产品名称', type: 'string', required: true, maxLength: 64 },
  { name: 'model', label: '规格型号', type: 'string', required: true, maxLength: 32 },
  { name: 'batchNo', label: '生产批次', type: 'string', required: true, pattern: '[A-Z]{2}\\d{6}' },
  { name: 'madeOn', label: '生产日期', type: 'date', required: true, minDate: '2015-01-01' },
  { name: 'lengthM', label: '长度（米）', type: 'number', required: false, min: 1, max: 100000 },
  { name: 'grade', label: '质量等级', type: 'enum', required: false, options: ['优等品', '一等品', '合格品'] },
  { name: 'manual', label: '产品说明书', type: 'url', required: false },
];

export interface HandleDemoDeps {
  now: Date;
  cityId: string;
  /** Demo enterprises to delegate prefixes to; the first gets 88.118.8 (the demo enterprise login's company). */
  enterprises: ReadonlyArray<{ id: string; name: string }>;
  random: () => number;
}

/**
 * Demo identifiers: served prefix 88.118, three delegated enterprise prefixes, the cable template,
 * product handles such as 88.118.8/JXDY2106023 registered over the last 30 days, and 30 days of
 * statistics whose registrations count those records. Everything is marked demo.
 */
export async function loadHandleDemo(tx: DbOrTx, deps: HandleDemoDeps): Promise<{ prefixes: number; handles: number }> {
  const repo = createHandleRepo(tx);
  const { now, random } = deps;
  await repo.ensureServed(['88.118'], deps.cityId, now, asciiUpper);
  const delegated = [
    { segment: '8', org: deps.enterprises[0] },
    { segment: '12', org: deps.enterprises[1] },
    { segment: '35', org: deps.enterprises[2] },
  ].filter((d): d is { segment: string; org: { id: string; name: string } } => !!d.org);
  for (const d of delegated) {
    const prefix = `88.118.${d.segment}`;
    await repo.insertPrefix(
      {
        prefix,
        prefixKey: prefix,
        parentPrefix: '88.118',
        ownerOrgId: d.org.id,
        description: `${d.org.name}企业节点（演示）`,
        isDemo: true,
        createdAt: now,
        updatedAt: now,
      },
      [],
    );
  }
  if (delegated.length === 0) return { prefixes: 0, handles: 0 };
  await tx.insert(handleTemplate).values({
    prefix: '88.118.8',
    industryCode: 'C3831',
    version: 1,
    name: '电线电缆产品',
    items: CABLE_ITEMS,
    createdBy: 'system',
    createdAt: now,
  });

  const template = { industryCode: 'C3831', version: 1, items: CABLE_ITEMS };
  const products = ['交联聚乙烯绝缘电力电缆', '聚氯乙烯绝缘控制电缆', '铝合金导体电缆', '矿物绝缘防火电缆'];
  const models = ['YJV-0.6/1kV-3×95', 'KVV-450/750V-7×1.5', 'YJLHV-3×120', 'BTTZ-4×25'];
  const records: NewRecord[] = [];
  // Spread the registrations over the last 30 days so that the daily statistics below can count
  // them from the records themselves (the first handle is registered today).
  const registeredOn = (n: number) => new Date(now.getTime() - ((n * 7) % 30) * 86_400_000);
  for (let n = 0; n < 24; n++) {
    const created = registeredOn(n);
    const stamp = isoSeconds(created);
    const suffix = n === 0 ? 'JXDY2106023' : `JXDY${String(2106023 + n * 37).padStart(7, '0')}`;
    const kind = n % products.length;
    const month = 1 + (n % 12);
    const { values } = attributeValues(
      template,
      {
        productName: products[kind] as string,
        model: models[kind] as string,
        batchNo: `GZ${String(260100 + n).padStart(6, '0')}`,
        madeOn: `2026-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`,
        lengthM: String(100 * (1 + Math.floor(random() * 50))),
        grade: ['优等品', '一等品', '合格品'][n % 3] as string,
      },
      created,
    );
    values.push(stringValue(1, 'URL', `https://example.cn/suilian-demo/products/${suffix}`, stamp));
    // A value only the enterprise sees: the customer it was shipped to.
    values.push({ ...stringValue(3, 'CUSTOMER', `演示客户${(n % 5) + 1}`, stamp), permissions: '1100' });
    values.push(defaultAdminValue('88.118.8', created));
    values.sort((a, b) => a.index - b.index);
    const handle = `88.118.8/${suffix}`;
    records.push({
      handleKey: asciiUpper(handle),
      handle,
      prefix: '88.118.8',
      handleValues: values,
      isDemo: true,
      createdAt: created,
      updatedAt: created,
    });
  }
  for (const d of delegated.slice(1)) {
    for (let n = 1; n <= 3; n++) {
      const handle = `88.118.${d.segment}/EQ${String(n).padStart(4, '0')}`;
      const created = registeredOn(n * 5 + Number(d.segment));
      const stamp = isoSeconds(created);
      const values = [
        stringValue(1, 'URL', `https://example.cn/suilian-demo/equipment/${d.segment}/${n}`, stamp),
        stringValue(2, 'DESC', `设备台账 ${n}（演示）`, stamp),
        defaultAdminValue(`88.118.${d.segment}`, created),
      ];
      records.push({
        handleKey: asciiUpper(handle),
        handle,
        prefix: `88.118.${d.segment}`,
        handleValues: values,
        isDemo: true,
        createdAt: created,
        updatedAt: created,
      });
    }
  }
  await repo.insertMany(records);

  const stats = [];
  for (let back = 29; back >= 0; back--) {
    const day = chinaDay(now.getTime() - back * 86_400_000);
    for (const d of delegated) {
      stats.push({
        prefix: `88.118.${d.segment}`,
        day,
        // Registrations are the demo records themselves; resolutions are made-up demo traffic.
        registrations: records.filter((r) => r.prefix === `88.118.${d.segment}` && chinaDay(r.createdAt.getTime()) === day).length,
        resolutions: Math.floor(random() * (d.segment === '8' ? 900 : 120)),
      });
    }
  }
  await repo.addStats(stats);
  // Running instances (if any) reload their prefix table when this commits.
  await repo.notify(['*prefixes']);
  return { prefixes: delegated.length + 1, handles: records.length };
}
