/** Collects positional parameters while SQL text is assembled, so values never enter the text. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, with a cast when the type must not be inferred. */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/** A pgvector literal; Number#toString of a float32 value parses back to the same float32. */
export function vectorLiteral(embedding: ArrayLike<number>): string {
  return `[${Array.prototype.join.call(embedding, ',')}]`;
}

/** The rows of a result, whether the driver answers rows (TypeORM) or a result object (pg). */
export function rowsOf<R = any>(result: unknown): R[] {
  return (Array.isArray(result) ? result : (result as { rows: R[] }).rows) as R[];
}
