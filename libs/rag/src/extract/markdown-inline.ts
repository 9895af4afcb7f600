// Escaped punctuation is parked in the private-use area so no later rule treats it as syntax.
const PARK_BASE = 0xe000;
const ESCAPABLE = /\\([!-/:-@[-`{-~])/g;
const PARKED = /[\uE000-\uE07F]/g;

// Link destinations may contain one level of balanced parentheses (Wikipedia URLs do).
const DESTINATION = String.raw`\((?:[^()]|\([^()]*\))*\)`;
const IMAGE = new RegExp(String.raw`!\[([^\]]*)\]` + DESTINATION, 'g');
const LINK = new RegExp(String.raw`\[([^\]]*)\]` + DESTINATION, 'g');
const REFERENCE_LINK = /!?\[([^\]]+)\]\[[^\]]*\]/g;
const AUTOLINK = /<((?:https?|mailto|ftp):[^\s<>]+|[^\s<>@]+@[^\s<>]+)>/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g;
const STRONG_STAR = /\*\*(?=\S)([\s\S]*?\S)\*\*/g;
const STRONG_UNDERSCORE = /(?<![\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu;
const EMPHASIS_STAR = /\*(?=\S)([^*]*?\S)\*/g;
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu;
const STRIKETHROUGH = /~~(?=\S)([\s\S]*?\S)~~/g;

/** Removes inline Markdown syntax, keeping what a reader sees: link text, image alt, code. */
export function stripInline(markdown: string): string {
  // Code spans are literal, so split them out first and leave their content untouched.
  return markdown
    .split(/(`+)([\s\S]*?[^`])\1(?!`)/)
    .map((part, i) => (i % 3 === 0 ? stripSyntax(part) : i % 3 === 2 ? part.trim() : ''))
    .join('');
}

function stripSyntax(text: string): string {
  return text
    .replace(ESCAPABLE, (_, c: string) => String.fromCharCode(PARK_BASE + c.charCodeAt(0) - 0x20))
    .replace(IMAGE, '$1')
    .replace(LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(HTML_TAG, '')
    .replace(STRONG_STAR, '$1')
    .replace(STRONG_UNDERSCORE, '$1')
    .replace(EMPHASIS_STAR, '$1')
    .replace(EMPHASIS_UNDERSCORE, '$1')
    .replace(STRIKETHROUGH, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(PARKED, (c) => String.fromCharCode(c.charCodeAt(0) - PARK_BASE + 0x20));
}
