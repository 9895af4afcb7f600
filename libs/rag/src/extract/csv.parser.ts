import { corrupt } from './extraction.error';

/**
 * Splits delimited text into records (RFC 4180): quoted fields may hold delimiters, newlines and
 * doubled quotes. Lenient where producers are sloppy: a stray quote inside a bare field is kept.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      const end = closingQuote(text, i);
      field = text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] !== '"') return i;
    i++;
  }
  const line = text.slice(0, open).split('\n').length;
  throw corrupt(`unterminated quoted field starting at line ${line}`);
}

/** The delimiter used by the first line: the most frequent of comma, tab and semicolon outside quotes. */
export function sniffDelimiter(text: string): ',' | '\t' | ';' {
  const firstLine = text.split('\n', 1)[0].replace(/"[^"]*"/g, '');
  const count = (c: string): number => firstLine.split(c).length - 1;
  const candidates = [',', '\t', ';'] as const;
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), candidates[0]);
}
