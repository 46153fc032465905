import { creditCodeCheckChar, maskResidentId, residentIdCheckChar } from '@suilian/contracts';
import type { DbOrTx } from '../db/client.js';
import { sanction } from '../db/schema.js';

/** A fictional entity's credit code: Guangzhou region, a made-up body, its real check character. */
function creditCode(body: string): string {
  const first17 = `914401${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A fictional identity number (Guangzhou region code, the given birth date and sequence). */
function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * Demo rows of the sanction register (issue #16 item 2): entities that are not demo enterprises,
 * so no demo journey is barred — one in force with its responsible person, one expired, one lifted
 * on review. Names, codes and numbers are invented for the demo.
 */
export async function insertDemoSanctions(
  db: DbOrTx,
  deps: { digest(idNumber: string): string; now: Date; createdBy: string | null },
): Promise<number> {
  const person = residentId('440111', '19780416', '203');
  const rows: Array<Omit<typeof sanction.$inferInsert, 'createdAt'>> = [
    {
      creditCode: creditCode('MA5D0K7N2W1'),
      entityName: '广州星辰示范智能装备有限公司（演示）',
      personName: '李某（演示）',
      personDigest: deps.digest(person),
      personIdMasked: maskResidentId(person),
      reason: '同一批设备发票在两个专项资金项目中重复申报，金额合计 186.40 万元（演示数据）',
      basis: '穗工信函〔2026〕117号（演示）',
      startsOn: '2026-05-01',
      endsOn: '2029-04-30',
    },
    {
      creditCode: creditCode('MA59R3X4QB2'),
      entityName: '广州恒远示范包装材料有限公司（演示）',
      reason: '申报材料中验收报告与实际建设内容不符（演示数据）',
      basis: '穗工信函〔2023〕42号（演示）',
      startsOn: '2023-03-01',
      endsOn: '2026-02-28',
    },
    {
      creditCode: creditCode('MA5C8W1L6T3'),
      entityName: '广州澜海示范电子科技有限公司（演示）',
      reason: '逾期未提交资金使用报告（演示数据）',
      basis: '穗工信函〔2025〕203号（演示）',
      startsOn: '2025-09-01',
      endsOn: '2028-08-31',
      liftedAt: new Date('2026-01-15T02:00:00Z'),
      liftReason: '企业补交报告并经复核，原决定撤销（演示数据）',
      liftedBy: deps.createdBy,
    },
  ];
  await db.insert(sanction).values(rows.map((r) => ({ ...r, createdBy: deps.createdBy, createdAt: deps.now })));
  return rows.length;
}
