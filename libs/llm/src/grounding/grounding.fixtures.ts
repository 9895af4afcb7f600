import type { GroundingSource } from '../chat/chat-provider.types';

/** A document's extracted text for tests: two chunks' worth about aspirin, with a reference marker of its own. */
export const ASPIRIN_DOCUMENT = [
  'Aspirin is one of the oldest synthetic drugs.',
  'Felix Hoffmann synthesized acetylsalicylic acid at Bayer in 1897.',
  'Aspirin irreversibly inhibits the cyclooxygenase enzymes COX-1 and COX-2 [12].',
  'Blocking COX-1 in platelets reduces thromboxane A2, so blood clots less readily.',
  'Low doses are therefore prescribed to prevent heart attacks.',
  'Common side effects include stomach irritation and bleeding.',
].join(' ');

/** A second document on another subject. */
export const TEA_DOCUMENT = [
  'Green tea is made from unoxidized leaves of Camellia sinensis.',
  'Its flavour depends on how the leaves are steamed or pan-fired.',
  'Brewing at 80 degrees keeps the tea from turning bitter.',
].join(' ');

/** A GroundingSource for `document.slice(start, end)`, found by its first and last words. */
export function sourceOf(document: string, from: string, to: string, overrides: Partial<GroundingSource> = {}): GroundingSource {
  const start = document.indexOf(from);
  const end = document.indexOf(to, start) + to.length;
  if (start < 0 || end < to.length) throw new Error(`fixture text not found: ${from} ... ${to}`);
  return {
    id: 1,
    documentId: '00000000-0000-4000-8000-000000000001',
    revision: 1,
    chunkIndex: 0,
    title: 'Aspirin',
    text: document.slice(start, end),
    start,
    end,
    page: null,
    pageEnd: null,
    startMs: null,
    endMs: null,
    headingPath: [],
    score: 1,
    ...overrides,
  };
}

/** Whitespace-separated words: additive over joins, so budgets can be checked exactly. */
export const countWords = (text: string): number => text.split(/\s+/).filter((word) => word.length > 0).length;
