import { splitSentences } from './sentence-splitter';

const sentences = (text: string, byLine = false) => splitSentences(text, 0, text.length, byLine).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at terminal punctuation before a capital or digit', () => {
    expect(sentences('Cells died. Mice lived! Why? 42 survived.')).toEqual(['Cells died.', 'Mice lived!', 'Why?', '42 survived.']);
  });

  it('does not split after abbreviations, initials or before lowercase', () => {
    expect(sentences('As shown by Smith et al. The effect, e.g. in mice, held. J. Smith agreed.')).toEqual([
      'As shown by Smith et al. The effect, e.g. in mice, held.',
      'J. Smith agreed.',
    ]);
    expect(sentences('It rose 2.5 fold. then fell.')).toEqual(['It rose 2.5 fold. then fell.']);
  });

  it('keeps closing quotes and brackets with the sentence', () => {
    expect(sentences('He said "stop." Then (it ended.) Next.')).toEqual(['He said "stop."', 'Then (it ended.)', 'Next.']);
  });

  it('splits at blank lines and CJK full stops', () => {
    expect(sentences('first part\n\nsecond part')).toEqual(['first part', 'second part']);
    expect(sentences('\u4eca\u65e5\u306f\u3002\u660e\u65e5\u3082\u3002')).toEqual(['\u4eca\u65e5\u306f\u3002', '\u660e\u65e5\u3082\u3002']);
  });

  it('splits code by line and returns absolute offsets', () => {
    expect(sentences('a = 1\nb = 2\n', true)).toEqual(['a = 1', 'b = 2']);
    const text = 'xx One. Two.';
    expect(splitSentences(text, 3, text.length)).toEqual([
      { start: 3, end: 7 },
      { start: 8, end: 12 },
    ]);
  });
});
