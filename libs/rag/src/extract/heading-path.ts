/** Tracks the open headings while walking a document, outermost first. */
export class HeadingPath {
  private readonly open: { level: number; text: string }[] = [];

  /** Path enclosing a block that appears now. */
  get current(): readonly string[] {
    return this.open.map((h) => h.text);
  }

  /** Enters a heading and returns the path that encloses it (its ancestors, not itself). */
  enter(level: number, text: string): readonly string[] {
    while (this.open.length > 0 && this.open[this.open.length - 1].level >= level) this.open.pop();
    const enclosing = this.current;
    this.open.push({ level, text });
    return enclosing;
  }
}
