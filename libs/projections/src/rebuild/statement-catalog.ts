import type { RebuildConnection } from './rebuild-connection';
import { substituteParameters } from './sql-template';

/** A write statement the rebuild's session has prepared. */
export interface KnownStatement {
  readonly id: number;
  /** The prepared statement, for `EXECUTE`. */
  readonly name: string;
  readonly paramCount: number;
  /** The statement reading its parameters from the batch function's arguments; undefined when it must run as an EXECUTE. */
  readonly inBatchFunction?: string;
}

/**
 * Prepares each distinct write statement once per session and learns its parameter types from
 * Postgres (pg_prepared_statements), which lets the batch function cast text values back exactly as
 * the server would have typed the parameters.
 */
export class StatementCatalog {
  private readonly byText = new Map<string, KnownStatement>();

  constructor(private readonly connection: RebuildConnection) {}

  /** The statement if this session prepared it already: a map lookup on the hot path. */
  known(text: string): KnownStatement | undefined {
    return this.byText.get(text);
  }

  async statement(text: string): Promise<KnownStatement> {
    const known = this.byText.get(text);
    if (known) return known;
    const id = this.byText.size + 1;
    const name = `rs_rebuild_${id}`;
    await this.connection.query(`PREPARE ${name} AS ${text}`);
    const { rows } = await this.connection.query(`SELECT parameter_types::text[] AS types FROM pg_prepared_statements WHERE name = $1`, [name]);
    const types: string[] = rows[0].types;
    const typed = types.every((type) => type !== 'unknown');
    const inBatchFunction = typed ? substituteParameters(text, (n) => `CAST(rs_vals[rs_at + ${n}] AS ${types[n - 1]})`) : undefined;
    // Recorded only once prepared: a PREPARE refused in a failed transaction is retried next time.
    const statement: KnownStatement = { id, name, paramCount: types.length, inBatchFunction };
    this.byText.set(text, statement);
    return statement;
  }

  /** Every statement the batch function can run. */
  functionStatements(): KnownStatement[] {
    return [...this.byText.values()].filter((s) => s.inBatchFunction !== undefined);
  }
}
