import type { SourceFormat } from './extracted-document';

// Types browsers and servers send for "some bytes": they say nothing about the format.
const GENERIC_MEDIA_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', 'text/plain', '']);

const BY_MEDIA_TYPE: Readonly<Record<string, SourceFormat>> = {
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'text/vtt': 'vtt',
  'application/x-subrip': 'srt',
  'application/srt': 'srt',
  'text/srt': 'srt',
  'application/json': 'json',
  'text/json': 'json',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/tab-separated-values': 'csv',
};

const BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  txt: 'text',
  text: 'text',
  log: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  vtt: 'vtt',
  srt: 'srt',
  json: 'json',
  csv: 'csv',
  tsv: 'csv',
};

/** The bare, lower-cased media type: `Text/HTML; charset=utf-8` -> `text/html`. */
export function mediaTypeEssence(mediaType: string | undefined): string {
  return (mediaType ?? '').split(';')[0].trim().toLowerCase();
}

/** Format named by a specific media type; generic types (octet-stream, text/plain) name none. */
export function formatOfMediaType(mediaType: string | undefined): SourceFormat | undefined {
  const essence = mediaTypeEssence(mediaType);
  if (GENERIC_MEDIA_TYPES.has(essence)) return undefined;
  if (essence.endsWith('+json')) return 'json';
  return BY_MEDIA_TYPE[essence];
}

/** True when a type leaves room for plain text: none, generic binary, or any `text/*`. */
export function mayBeText(mediaType: string | undefined): boolean {
  const essence = mediaTypeEssence(mediaType);
  return GENERIC_MEDIA_TYPES.has(essence) || essence.startsWith('text/');
}

/** Format named by a file extension, case-insensitive. */
export function formatOfFileName(fileName: string | undefined): SourceFormat | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(fileName ?? '');
  return match ? BY_EXTENSION[match[1].toLowerCase()] : undefined;
}
