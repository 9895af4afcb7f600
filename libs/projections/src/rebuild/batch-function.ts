import type { RebuildConnection } from './rebuild-connection';
import type { KnownStatement } from './statement-catalog';

/**
 * A PL/pgSQL function, temporary to the session, that runs a batch's writes in their original
 * order from two arrays: which statement (`rs_ops`) and every parameter as text (`rs_vals`). Its
 * statements are planned once and run without a protocol round or a parse each, which is most of
 * what a write costs Postgres besides the write itself. Recreated when new statements show up.
 */
export class BatchFunction {
  private name?: string;
  private covered = new Set<number>();
  private version = 0;

  constructor(private readonly connection: RebuildConnection) {}

  /** The function's name, after creating a version that covers every statement in `ids`. */
  async covering(ids: Iterable<number>, statements: readonly KnownStatement[]): Promise<string> {
    if (this.name && [...ids].every((id) => this.covered.has(id))) return this.name;
    const name = `pg_temp.rs_rebuild_batch_${++this.version}`;
    await this.connection.query(functionSql(name, statements));
    this.name = name;
    this.covered = new Set(statements.map((s) => s.id));
    return name;
  }

  /** After a failed batch: a version created inside its transaction was rolled back with it. */
  forget(): void {
    this.name = undefined;
    this.covered.clear();
  }
}

function functionSql(name: string, statements: readonly KnownStatement[]): string {
  const cases = statements.map((s) => `      WHEN ${s.id} THEN ${s.inBatchFunction}; rs_at := rs_at + ${s.paramCount};`).join('\n');
  return `CREATE FUNCTION ${name}(rs_ops integer[], rs_vals text[]) RETURNS void LANGUAGE plpgsql AS $rs_batch$
#variable_conflict use_column
DECLARE rs_i integer; rs_at integer := 0;
BEGIN
  FOR rs_i IN 1 .. coalesce(array_length(rs_ops, 1), 0) LOOP
    CASE rs_ops[rs_i]
${cases}
    END CASE;
  END LOOP;
END $rs_batch$`;
}
