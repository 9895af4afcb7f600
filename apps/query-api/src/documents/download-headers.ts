import type { DocumentFormat } from '@ragstream/contracts';

const extensions: Record<DocumentFormat, string> = {
  text: 'txt',
  markdown: 'md',
  html: 'html',
  pdf: 'pdf',
  vtt: 'vtt',
  srt: 'srt',
  json: 'json',
  csv: 'csv',
};

// type/subtype with optional parameters; anything else could smuggle header syntax.
const MEDIA_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=([\w!#$&^.+-]+|"[^"\\\r\n]*"))*$/;
// RFC 5987 attr-char is stricter than encodeURIComponent's output.
const NOT_ATTR_CHAR = /['()*]/g;

/** The name a download is saved under: the uploaded file's name, else the title with the format's extension. */
export function downloadName(fileName: string | null, title: string, format: DocumentFormat): string {
  const base = (fileName ?? `${title}.${extensions[format]}`).replace(/[\u0000-\u001f\u007f]/g, '').replace(/[\\/]/g, '_').trim();
  return base === '' || base === '.' || base === '..' ? `document.${extensions[format]}` : base;
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266), safe for any file name. */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(name).replace(NOT_ATTR_CHAR, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** The stored media type when it is well-formed; bytes of unknown shape otherwise. */
export function safeMediaType(mediaType: string): string {
  return MEDIA_TYPE.test(mediaType) ? mediaType : 'application/octet-stream';
}
