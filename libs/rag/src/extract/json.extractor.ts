import { decodeText } from './decode-text';
import { DocumentBuilder } from './document.builder';
import type { ExtractOptions } from './extract-options';
import type { ExtractedDocument } from './extracted-document';
import { corrupt } from './extraction.error';
import { jsonErrorPosition } from './json-error-position';

/** JSON: "path.to.key: value" lines, one block per top-level entry or array element. */
export function extractJson(bytes: Buffer, options: ExtractOptions): ExtractedDocument {
  const text = decodeText(bytes);
  const root = parse(text);
  const builder = new DocumentBuilder('\n', options.maxChars);
  const entries: [string, unknown][] = Array.isArray(root)
    ? root.map((item) => ['', item])
    : isObject(root)
      ? Object.entries(root)
      : [['', root]];
  for (const [key, value] of entries) builder.add('paragraph', leafLines(key, value).join('\n'));
  return builder.build();
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const position = jsonErrorPosition(text);
    const before = text.slice(0, Math.max(position, 0)).split('\n');
    throw corrupt(
      `invalid JSON at line ${before.length}, column ${before[before.length - 1].length + 1} (position ${position})`,
    );
  }
}

// Array elements read as "tags[0]"; top-level array elements get no prefix, being one block each.
function leafLines(path: string, value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leafLines(`${path}[${i}]`, item));
  if (isObject(value)) {
    return Object.entries(value).flatMap(([key, item]) => leafLines(path ? `${path}.${key}` : key, item));
  }
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return [path ? `${path}: ${shown}` : shown];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
