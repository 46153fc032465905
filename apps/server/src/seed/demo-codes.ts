import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '@suilian/contracts';

/** The GB 32100 credit code of a demo company: 91 (enterprise), the district code, a seeded body. */
export function demoCreditCode(divisionCode: string, random: () => number): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_ALPHABET.charAt(Math.floor(random() * CREDIT_CODE_ALPHABET.length));
  const first17 = `91${divisionCode}${body}`;
  return first17 + creditCodeCheckChar(first17);
}
