/**
 * Rewrites a statement's `$n` parameters as `replace(n)`, or answers undefined when that would not
 * be safe to do by text alone: a `$` inside a quoted string or identifier, dollar quoting, or a
 * comment. Statements refused here still run, one EXECUTE each.
 */
export function substituteParameters(text: string, replace: (n: number) => string): string | undefined {
  if (text.includes('--') || text.includes('/*')) return undefined;
  let out = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '$') return undefined;
      if (c === quote) quote = undefined; // a doubled quote closes and reopens: still fine
      out += c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    if (c !== '$') {
      out += c;
      continue;
    }
    const digits = /^[0-9]+/.exec(text.slice(i + 1))?.[0];
    if (!digits) return undefined;
    out += replace(Number(digits));
    i += digits.length;
  }
  return quote ? undefined : out;
}
