import { parseCsv, sniffDelimiter } from './csv.parser';
import { decodeText } from './decode-text';
import { DocumentBuilder } from './document.builder';
import type { ExtractOptions } from './extract-options';
import type { ExtractedDocument } from './extracted-document';
import { labelledRow } from './labelled-row';

/** CSV and TSV: the first row names the columns; each later row is a `table-row` block "col: value; ...". */
export function extractCsv(bytes: Buffer, options: ExtractOptions): ExtractedDocument {
  const text = decodeText(bytes);
  const records = parseCsv(text, options.csvDelimiter ?? sniffDelimiter(text)).filter(
    (record) => record.some((field) => field.trim() !== ''),
  );
  const [header = [], ...rows] = records.map((record) => record.map(oneLine));
  const builder = new DocumentBuilder('\n', options.maxChars);
  rows.forEach((row, index) => builder.add('table-row', labelledRow(header, row), { row: index + 1 }));
  return builder.build();
}

// A row reads as one line; a newline inside a quoted value is layout, not meaning.
function oneLine(field: string): string {
  return field.replace(/\s+/g, ' ').trim();
}
