import { analyze, termFrequencies } from './analyzer';
import { ENGLISH_STOPWORDS } from './stopwords';

describe('analyze', () => {
  it('stems with Porter2 and lowercases', () => {
    expect(analyze('Running CELLS Studies generously')).toEqual(['run', 'cell', 'studi', 'generous']);
  });

  it('drops stopwords but keeps content words that are merely frequent', () => {
    expect(analyze('The effect of the drug was not shown in these patients')).toEqual(['effect', 'drug', 'shown', 'patient']);
    expect(ENGLISH_STOPWORDS.has('study')).toBe(false);
  });

  it('splits hyphenated words and also keeps the joined form', () => {
    expect(analyze('COVID-19')).toEqual(['covid', '19', 'covid19']);
    expect(analyze('non-small-cell')).toEqual(['non', 'small', 'cell', 'nonsmallcel']);
    // "IL-6" and "IL6" meet on the joined term.
    expect(analyze('IL-6')).toContain('il6');
    expect(analyze('IL6')).toEqual(['il6']);
  });

  it('does not stem words with digits', () => {
    expect(analyze('p53 H3K27me3')).toEqual(['p53', 'h3k27me3']);
  });

  it('keeps numbers whole and drops thousands separators and possessives', () => {
    expect(analyze('1,000 mice, p 0.05')).toEqual(['1000', 'mice', 'p', '0.05']);
    expect(analyze("Alzheimer's and Alzheimer\u2019s")).toEqual(['alzheim', 'alzheim']);
  });

  it('normalizes Unicode: compatibility forms, full width, diacritics', () => {
    expect(analyze('\ufb01nal \uff21\uff22\uff23 na\u00efve M\u00fcller')).toEqual(['final', 'abc', 'naiv', 'muller']);
    expect(analyze('TNF-\u03b1')).toEqual(['tnf', '\u03b1', 'tnf\u03b1']);
    expect(analyze('\u216b \u0130stanbul')).toEqual(['xii', 'istanbul']);
  });

  it('splits unspaced scripts into character bigrams', () => {
    expect(analyze('\u65e5\u672c\u8a9e')).toEqual(['\u65e5\u672c', '\u672c\u8a9e']);
    expect(analyze('\u4e2d')).toEqual(['\u4e2d']);
  });

  it('keeps Cyrillic and other spaced scripts as words', () => {
    expect(analyze('\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440')).toEqual(['\u043f\u0440\u0438\u0432\u0435\u0442', '\u043c\u0438\u0440']);
  });

  it('skips overlong tokens and handles empty text', () => {
    expect(analyze(`${'x'.repeat(65)} ok`)).toEqual(['ok']);
    expect(analyze('')).toEqual([]);
    expect(analyze(' -- !! ')).toEqual([]);
  });
});

describe('termFrequencies', () => {
  it('counts every term', () => {
    expect(termFrequencies(['cell', 'death', 'cell'])).toEqual(new Map([['cell', 2], ['death', 1]]));
  });
});
