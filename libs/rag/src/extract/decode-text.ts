import { corrupt } from './extraction.error';

// Control characters other than tab, newlines and form feed do not occur in real text files.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
const MAX_CONTROL_RATIO = 0.01;

/** Decodes a text upload to a string with `\n` line ends; binary data is refused as corrupt. */
export function decodeText(bytes: Buffer): string {
  const text = decode(bytes);
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls / text.length > MAX_CONTROL_RATIO) {
    throw corrupt('the file looks like binary data, not text');
  }
  return text.replace(/\r\n?/g, '\n');
}

function decode(bytes: Buffer): string {
  // A UTF-16 file is full of NULs; honour its BOM before the binary check sees them.
  if (hasUtf16Bom(bytes)) return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: legacy Windows/Latin-1 text decodes byte for byte and never fails.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** True when the bytes decode as text without binary noise; used to sniff unknown uploads. */
export function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (!hasUtf16Bom(head) && head.includes(0)) return false;
  try {
    decodeText(head);
    return true;
  } catch {
    return false;
  }
}

function hasUtf16Bom(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
