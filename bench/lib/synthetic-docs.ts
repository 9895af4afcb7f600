import type { BeirDocument } from './beir';

/** mulberry32: a small seeded generator, so two runs grow the index with the same documents. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim());

/**
 * Perturbed copies of real documents for growing the index: each takes the sentence count of one
 * random document and fills it with shuffled sentences of that one and two others, so texts,
 * terms and vectors are new while lengths and vocabulary stay the corpus's own.
 */
export class SyntheticDocuments {
  private readonly random = seededRandom(20261122);
  private made = 0;

  constructor(private readonly corpus: readonly BeirDocument[]) {
    if (corpus.length === 0) throw new Error('no documents to perturb');
  }

  next(): BeirDocument {
    const pick = () => this.corpus[Math.floor(this.random() * this.corpus.length)];
    const base = pick();
    const pool = [base, pick(), pick()].flatMap((d) => sentences(d.text));
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    const count = Math.max(1, sentences(base.text).length);
    const id = `synthetic-${++this.made}`;
    return { id, title: `${base.title.slice(0, 270)} (variant ${this.made})`, text: pool.slice(0, count).join(' ') };
  }
}
