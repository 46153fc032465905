import { ExpressionError } from './expression-error.js';

export type Operator = '+' | '-' | '*' | '/' | '(' | ')' | ',' | '.' | '==' | '!=' | '>' | '>=' | '<' | '<=' | 'and' | 'or' | 'not';

interface TokenBase {
  start: number;
  end: number;
  /** The source text of the token, quoted in error messages. */
  text: string;
}

export type Token =
  | (TokenBase & { type: 'number'; value: number })
  | (TokenBase & { type: 'dataElement'; code: string; categoryOption: string | null })
  | (TokenBase & { type: 'indicator'; code: string })
  | (TokenBase & { type: 'name'; name: string })
  | (TokenBase & { type: 'operator'; operator: Operator })
  | (TokenBase & { type: 'end' });

const TWO_CHAR: Record<string, Operator> = { '==': '==', '!=': '!=', '>=': '>=', '<=': '<=', '&&': 'and', '||': 'or' };
const ONE_CHAR: Record<string, Operator> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '(': '(',
  ')': ')',
  ',': ',',
  '.': '.',
  '>': '>',
  '<': '<',
  '!': 'not',
};
const WORDS: Record<string, Operator> = { and: 'and', or: 'or', not: 'not' };
/** Lone characters people type by habit, and what they meant. */
const MEANT: Record<string, string> = { '=': "use '==' to compare", '&': "use '&&' or 'and'", '|': "use '||' or 'or'" };
/** Full-width and typographic characters from Chinese input methods, and their ASCII equivalents. */
const FULL_WIDTH: Record<string, string> = {
  '（': '(',
  '）': ')',
  '，': ',',
  '＋': '+',
  '－': '-',
  '＊': '*',
  '／': '/',
  '×': '*',
  '÷': '/',
  '＝': '=',
  '＞': '>',
  '＜': '<',
};

const CODE_CHAR = /^[\p{L}\p{N}_-]$/u;
const NAME_START = /^[A-Za-z_]$/;
const NAME_CHAR = /^[A-Za-z0-9_]$/;
const DIGIT = /^[0-9]$/;

/** Splits a formula into tokens, ending with an `end` token; throws ExpressionError on a character it cannot use. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source.charAt(i);
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const token = readToken(source, i, char);
    tokens.push(token);
    i = token.end;
  }
  tokens.push({ type: 'end', start: source.length, end: source.length, text: '' });
  return tokens;
}

function readToken(source: string, i: number, char: string): Token {
  if (char === '#' && source.charAt(i + 1) === '{') return readDataElement(source, i);
  if (char === 'I' && source.charAt(i + 1) === '{') return readIndicator(source, i);
  if (DIGIT.test(char)) return readNumber(source, i);
  if (NAME_START.test(char)) {
    let end = i + 1;
    while (end < source.length && NAME_CHAR.test(source.charAt(end))) end++;
    const text = source.slice(i, end);
    const word = WORDS[text.toLowerCase()];
    return word ? { type: 'operator', operator: word, start: i, end, text } : { type: 'name', name: text, start: i, end, text };
  }
  const pair = source.slice(i, i + 2);
  const two = TWO_CHAR[pair];
  if (two) return { type: 'operator', operator: two, start: i, end: i + 2, text: pair };
  const one = ONE_CHAR[char];
  if (one) return { type: 'operator', operator: one, start: i, end: i + 1, text: char };
  if (char === '#') throw new ExpressionError('syntax', i, "expected '{' after '#': data elements are written #{code}", 'hash_brace');
  const meant = MEANT[char];
  if (meant) throw new ExpressionError('syntax', i, `unexpected '${char}': ${meant}`, 'unexpected_char', { char });
  const ascii = FULL_WIDTH[char];
  if (ascii) throw new ExpressionError('syntax', i, `unexpected '${char}': type '${ascii}' instead`, 'full_width', { char, ascii });
  throw new ExpressionError('syntax', i, `unexpected character '${char}'`, 'unexpected_char', { char });
}

function readNumber(source: string, start: number): Token {
  let end = start;
  while (DIGIT.test(source.charAt(end))) end++;
  if (source.charAt(end) === '.') {
    if (!DIGIT.test(source.charAt(end + 1)))
      throw new ExpressionError('syntax', end + 1, "expected a digit after the decimal point '.'", 'decimal_digit');
    end++;
    while (DIGIT.test(source.charAt(end))) end++;
  }
  const text = source.slice(start, end);
  const value = Number(text);
  if (!Number.isFinite(value))
    throw new ExpressionError('not_finite', start, `the number ${text.slice(0, 12)}… is too large`, 'number_too_large');
  return { type: 'number', value, start, end, text };
}

function readDataElement(source: string, start: number): Token {
  const { parts, end, dots } = readBraced(source, start, 'a data element');
  const [code = '', categoryOption, ...extra] = parts;
  if (code === '') throw new ExpressionError('syntax', start + 2, 'expected a data element code after #{', 'missing_code');
  if (extra.length > 0)
    throw new ExpressionError(
      'syntax',
      dots[1] ?? start,
      'a data element takes at most one category option: #{element.option}',
      'one_option',
    );
  if (categoryOption === '')
    throw new ExpressionError('syntax', (dots[0] ?? start) + 1, "expected a category option code after '.'", 'missing_option');
  const text = source.slice(start, end);
  return { type: 'dataElement', code, categoryOption: categoryOption ?? null, start, end, text };
}

function readIndicator(source: string, start: number): Token {
  const { parts, end, dots } = readBraced(source, start, 'an indicator');
  const [code = ''] = parts;
  if (parts.length > 1)
    throw new ExpressionError('syntax', dots[0] ?? start, 'an indicator has no category options: write I{code}', 'indicator_option');
  if (code === '') throw new ExpressionError('syntax', start + 2, 'expected an indicator code after I{', 'missing_code');
  return { type: 'indicator', code, start, end, text: source.slice(start, end) };
}

/** Reads `X{a.b}` from `start`, returning the dot-separated parts, the offset after '}' and the dots' offsets. */
function readBraced(source: string, start: number, what: string): { parts: string[]; end: number; dots: number[] } {
  const opener = source.slice(start, start + 2);
  const dots: number[] = [];
  let i = start + 2;
  while (i < source.length && (CODE_CHAR.test(source.charAt(i)) || source.charAt(i) === '.')) {
    if (source.charAt(i) === '.') dots.push(i);
    i++;
  }
  const stop = source.charAt(i);
  if (stop === '}') return { parts: source.slice(start + 2, i).split('.'), end: i + 1, dots };
  if (i >= source.length || !source.includes('}', i))
    throw new ExpressionError('syntax', start, `${opener} without a closing }`, 'unclosed', { opener });
  throw new ExpressionError('syntax', i, `unexpected '${stop}' in ${what} code: codes are letters, digits, '_' and '-'`, 'code_char', {
    char: stop,
  });
}
