import type { SourceFormat } from './extracted-document';

const SRT_START = /^\d+[ \t]*\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{3}[ \t]+-->/;
const HTML_START = /^<(!doctype\s+html|html|head|body)[\s>]/i;

/** Recognises a format from the first bytes alone; undefined when nothing is distinctive. */
export function sniffFormat(bytes: Buffer): SourceFormat | undefined {
  // The PDF header may follow a little junk; readers look in the first kilobyte.
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  const head = bytes.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '');
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (SRT_START.test(head.trimStart())) return 'srt';
  const start = head.trimStart();
  if (HTML_START.test(start) || /<html[\s>]/i.test(head)) return 'html';
  if ((start.startsWith('{') || start.startsWith('[')) && isJson(bytes)) return 'json';
  return undefined;
}

// A text note may start with "[", so the first character alone is not enough.
function isJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}
