/** Sums of decimal amounts (numeric in the database, strings on the wire) without floating point. */
function toCents(amount: string): bigint {
  const negative = amount.trim().startsWith('-');
  const [whole = '0', fraction = ''] = amount.trim().replace(/^-/, '').split('.');
  const cents = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -cents : cents;
}

/** The exact sum of decimal strings, as a decimal string with two places. */
export function sumAmounts(amounts: readonly (string | null | undefined)[]): string {
  let total = 0n;
  for (const a of amounts) if (a) total += toCents(a);
  const sign = total < 0n ? '-' : '';
  const abs = total < 0n ? -total : total;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** 12345678.9 → 1,234.57 万元 (the document states money in 万元). */
export function tenThousandYuan(amount: string): string {
  const cents = toCents(amount);
  const wan = Number(cents) / 1_000_000;
  return `${wan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;
}
