import { analyze } from '@ragstream/text';

// Request verbs questions open with ("explain how...") say nothing about which sentence answers;
// the index keeps them, so they are dropped here, after stemming.
const QUESTION_VERBS: ReadonlySet<string> = new Set(['tell', 'explain', 'describ']);

/** Stemmed content words of a text, in order (the search analyser's terms): what questions, answers and source sentences are matched on. */
export function contentTerms(text: string): string[] {
  return analyze(text).filter((term) => !QUESTION_VERBS.has(term));
}
