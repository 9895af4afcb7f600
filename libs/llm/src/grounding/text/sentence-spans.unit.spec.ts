import { contentTerms } from './content-terms';
import { sentenceSpans } from './sentence-spans';

const slices = (text: string, maxChars?: number) => sentenceSpans(text, maxChars).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans', () => {
  it('splits at sentence ends, not at abbreviations or decimals', () => {
    const text = '  E. coli grew at 37.5 degrees, e.g. in broth. Dr. Smith agreed!  Next line\n\nNew paragraph';
    expect(slices(text)).toEqual(['E. coli grew at 37.5 degrees, e.g. in broth.', 'Dr. Smith agreed!', 'Next line', 'New paragraph']);
  });

  it('cuts unpunctuated runs at spaces within maxChars', () => {
    const text = 'so then we went on and on and on without any stop at all';
    const pieces = slices(text, 20);
    expect(pieces.join(' ')).toBe(text);
    expect(pieces.every((p) => p.length <= 20)).toBe(true);
  });
});

describe('contentTerms', () => {
  it('stems content words and drops function words', () => {
    expect(contentTerms("What does the enzyme's inhibition of COVID-19 cause?")).toEqual(['enzym', 'inhibit', 'covid', '19', 'covid19', 'caus']);
  });
});
