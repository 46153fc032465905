/**
 * Okapi BM25 over tokenised documents (Robertson & Zaragoza's formulation with the non-negative
 * idf `ln(1 + (N − n + 0.5) / (n + 0.5))`). Pure. An inverted index (postings per term) so that
 * scoring a query touches only the documents that share a term with it.
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
  /**
   * Every document's score for the query in one pass over the query terms' postings (0 where no
   * term is shared): the same numbers as `score`, added in the same order, without the term lists.
   */
  scoreAll(queryTerms: readonly string[]): Float64Array;
  readonly size: number;
}

/** Indexes documents given as term lists. */
export function buildBm25(docs: ReadonlyArray<readonly string[]>, options: Bm25Options = BM25_DEFAULTS): Bm25Index {
  const tf = docs.map((terms) => {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  });
  const postings = new Map<string, { docs: number[]; tfs: number[] }>();
  tf.forEach((counts, doc) => {
    for (const [t, f] of counts) {
      let p = postings.get(t);
      if (!p) {
        p = { docs: [], tfs: [] };
        postings.set(t, p);
      }
      p.docs.push(doc);
      p.tfs.push(f);
    }
  });
  const lengths = docs.map((d) => d.length);
  const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length) || 1;
  const norms = Float64Array.from(lengths, (length) => options.k1 * (1 - options.b + (options.b * length) / avg));
  const n = docs.length;
  const idf = (term: string) => {
    const m = postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (n - m + 0.5) / (m + 0.5));
  };
  const termScore = (weight: number, f: number, doc: number) => (weight * (f * (options.k1 + 1))) / (f + (norms[doc] ?? 0));
  return {
    size: n,
    score(queryTerms, doc) {
      const counts = tf[doc];
      if (!counts) return { score: 0, terms: [] };
      const terms: Bm25Score['terms'] = [];
      let score = 0;
      // Each distinct query term once: a demand repeating a word does not count it twice.
      for (const term of new Set(queryTerms)) {
        const f = counts.get(term);
        if (!f) continue;
        const s = termScore(idf(term), f, doc);
        terms.push({ term, score: s });
        score += s;
      }
      terms.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
      return { score, terms };
    },
    scoreAll(queryTerms) {
      const scores = new Float64Array(n);
      for (const term of new Set(queryTerms)) {
        const p = postings.get(term);
        if (!p) continue;
        const weight = idf(term);
        for (let i = 0; i < p.docs.length; i++) {
          const doc = p.docs[i] as number;
          scores[doc] = (scores[doc] as number) + termScore(weight, p.tfs[i] as number, doc);
        }
      }
      return scores;
    },
  };
}
