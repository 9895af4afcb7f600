import { parseCsv, sniffDelimiter } from './csv.parser';

describe('parseCsv', () => {
  it('follows RFC 4180 quoting', () => {
    expect(parseCsv('a,"b,c","d\ne","f ""g"""\n,\nlast', ',')).toEqual([
      ['a', 'b,c', 'd\ne', 'f "g"'],
      ['', ''],
      ['last'],
    ]);
  });

  it('keeps a stray quote inside a bare field', () => {
    expect(parseCsv('5" disk,x', ',')).toEqual([['5" disk', 'x']]);
  });

  it('sniffs the delimiter from the first line, ignoring quoted text', () => {
    expect(sniffDelimiter('"a,b,c"\tx\ty\n1,2,3')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n')).toBe(';');
    expect(sniffDelimiter('single')).toBe(',');
  });
});
