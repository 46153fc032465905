import { createRequire } from 'node:module';

/** Splits a text into the terms BM25 counts (issue #15 item 3). */
export interface Tokenizer {
  /** `jieba` or `bigram`, reported with the matches so a fallback is visible. */
  readonly name: string;
  tokens(text: string): string[];
}

/** Function words and filler that say nothing about what a demand or a solution is about. */
const STOPWORDS = new Set(
  '的 了 和 与 及 或 等 在 是 对 为 以 把 被 将 从 到 由 于 其 并 且 也 都 就 而 但 如 若 我们 我司 公司 企业 需要 希望 进行 实现 提供 通过 一个 一些 目前 现在 可以 能够 相关 方面 问题 工作 情况 比较 有限公司 有限 有 个 a an the and or of to for in on with by'.split(
    ' ',
  ),
);

const WORD = /[\p{Script=Han}]|[\p{L}\p{N}]/u;

/** Normalises a raw term: lower case, full-width letters and digits to ASCII; null when it is noise. */
export function normaliseTerm(raw: string): string | null {
  const term = raw.normalize('NFKC').toLowerCase().trim();
  if (term.length === 0 || !WORD.test(term) || STOPWORDS.has(term)) return null;
  // A lone Han character carries little meaning on its own (的, 与 …); lone letters and digits too,
  // except "5g"-style codes, which are two characters anyway.
  if ([...term].length < 2) return null;
  return term;
}

/**
 * The fallback: overlapping pairs of Han characters and whole Latin/digit words. Used when the jieba
 * binary cannot load; recall is good, precision lower than real words.
 */
export const bigramTokenizer: Tokenizer = {
  name: 'bigram',
  tokens(text) {
    const out: string[] = [];
    for (const run of text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{Script=Han}]+|[a-z0-9]+/gu) ?? []) {
      if (/^[a-z0-9]+$/.test(run)) {
        const term = normaliseTerm(run);
        if (term) out.push(term);
        continue;
      }
      const chars = [...run];
      if (chars.length === 1) continue;
      for (let i = 0; i + 1 < chars.length; i++) {
        const term = normaliseTerm(`${chars[i]}${chars[i + 1]}`);
        if (term) out.push(term);
      }
    }
    return out;
  },
};

interface JiebaInstance {
  cut(text: string, hmm?: boolean): string[];
}

/** Chinese word segmentation with @node-rs/jieba (its bundled dictionary), search-engine mode off. */
export function jiebaTokenizer(jieba: JiebaInstance): Tokenizer {
  return {
    name: 'jieba',
    tokens(text) {
      const out: string[] = [];
      for (const raw of jieba.cut(text, true)) {
        const term = normaliseTerm(raw);
        if (term) out.push(term);
      }
      return out;
    },
  };
}

let shared: Tokenizer | undefined;

/**
 * The process's tokenizer: jieba when its native binary loads (the prebuilt package from the npm
 * registry), otherwise the bigram fallback behind the same interface. Built once: loading the
 * dictionary takes ~100 ms.
 */
export function defaultTokenizer(): Tokenizer {
  if (shared) return shared;
  try {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): JiebaInstance } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    shared = jiebaTokenizer(Jieba.withDict(dict));
  } catch {
    shared = bigramTokenizer;
  }
  return shared;
}
