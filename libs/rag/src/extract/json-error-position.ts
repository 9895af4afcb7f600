/**
 * Offset of the first JSON syntax error in `text`, or -1 if there is none. V8 reports a position
 * for some errors only, so this scanner finds it for all; it runs only after JSON.parse failed.
 */
export function jsonErrorPosition(text: string): number {
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.space();
    return scanner.at < text.length ? scanner.at : -1;
  } catch (error) {
    if (error instanceof SyntaxAt) return error.position;
    throw error;
  }
}

class SyntaxAt {
  constructor(readonly position: number) {}
}

class JsonScanner {
  at = 0;

  constructor(private readonly text: string) {}

  value(): void {
    this.space();
    const c = this.text[this.at];
    if (c === '{') this.sequence('}', () => this.member());
    else if (c === '[') this.sequence(']', () => this.value());
    else if (c === '"') this.string();
    else if (c === 't' || c === 'f' || c === 'n') this.literal(c === 't' ? 'true' : c === 'f' ? 'false' : 'null');
    else this.pattern(/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y);
  }

  space(): void {
    while (/[ \t\n\r]/.test(this.text[this.at] ?? '')) this.at++;
  }

  private sequence(close: string, item: () => void): void {
    this.at++;
    this.space();
    if (this.text[this.at] === close) return void this.at++;
    for (;;) {
      item();
      this.space();
      if (this.text[this.at] === close) return void this.at++;
      this.char(',');
      this.space();
    }
  }

  private member(): void {
    if (this.text[this.at] !== '"') throw new SyntaxAt(this.at);
    this.string();
    this.space();
    this.char(':');
    this.value();
  }

  private string(): void {
    this.pattern(/"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y);
  }

  private literal(word: string): void {
    for (const c of word) this.char(c);
  }

  private char(expected: string): void {
    if (this.text[this.at] !== expected) throw new SyntaxAt(this.at);
    this.at++;
  }

  // Sticky patterns match exactly at the cursor; the error points at the token that failed.
  private pattern(sticky: RegExp): void {
    sticky.lastIndex = this.at;
    if (!sticky.test(this.text)) throw new SyntaxAt(this.at);
    this.at = sticky.lastIndex;
  }
}
