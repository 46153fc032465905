/**
 * Okapi BM25 over tokenised documents (Robertson & Zaragoza's formulation with the non-negative
 * idf `ln(1 + (N − n + 0.5) / (n + 0.5))`). Pure; the index is built per ranking (a catalogue of a
 * few thousand solutions indexes in milliseconds).
 */
export interface Bm25Options {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation. */
  b: number;
}

export const BM25_DEFAULTS: Bm25Options = { k1: 1.2, b: 0.75 };

export interface Bm25Score {
  score: number;
  /** Query terms found in the document, with what each added. */
  terms: Array<{ term: string; score: number }>;
}

export interface Bm25Index {
  /** Scores document `doc` (its position in the corpus) for the query terms. */
  score(queryTerms: readonly string[], doc: number): Bm25Score;
  readonly size: number;
}

/** Indexes documents given as term lists. */
export function buildBm25(docs: ReadonlyArray<readonly string[]>, options: Bm25Options = BM25_DEFAULTS): Bm25Index {
  const tf = docs.map((terms) => {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  });
  const df = new Map<string, number>();
  for (const counts of tf) for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const lengths = docs.map((d) => d.length);
  const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length) || 1;
  const n = docs.length;
  const idf = (term: string) => {
    const m = df.get(term) ?? 0;
    return Math.log(1 + (n - m + 0.5) / (m + 0.5));
  };
  return {
    size: n,
    score(queryTerms, doc) {
      const counts = tf[doc];
      if (!counts) return { score: 0, terms: [] };
      const norm = options.k1 * (1 - options.b + (options.b * (lengths[doc] ?? 0)) / avg);
      const terms: Bm25Score['terms'] = [];
      let score = 0;
      // Each distinct query term once: a demand repeating a word does not count it twice.
      for (const term of new Set(queryTerms)) {
        const f = counts.get(term);
        if (!f) continue;
        const s = (idf(term) * (f * (options.k1 + 1))) / (f + norm);
        terms.push({ term, score: s });
        score += s;
      }
      terms.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
      return { score, terms };
    },
  };
}
