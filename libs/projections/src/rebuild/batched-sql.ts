import type { SqlExecutor } from '../projection';
import type { BatchFunction } from './batch-function';
import type { RebuildConnection } from './rebuild-connection';
import { isDeferrableWrite, textValue, toLiteral, typeormShape } from './sql-literals';
import type { StatementCatalog } from './statement-catalog';

/** Thrown when a projection reads what a queued write answered; the batch then reruns statement by statement. */
export class QueuedResultRead extends Error {
  constructor() {
    super('the result of a queued write was read; use RETURNING (or a SELECT) for results a projection needs');
    this.name = 'QueuedResultRead';
  }
}

// Resolving with this keeps `await` working (it asks for `then`) and makes any other use fail loudly.
const QUEUED_RESULT = new Proxy(Object.freeze({}), {
  get(_target, key) {
    if (key === 'then') return undefined;
    throw new QueuedResultRead();
  },
});

/** Writes in a row that the batch function runs: which statements, and all their parameters as text. */
interface Segment {
  readonly ops: number[];
  readonly vals: (string | null)[];
}

/**
 * What a projection's `apply` gets in a fast rebuild batch: INSERT/UPDATE/DELETE are queued, in
 * order, as calls of the batch function (or EXECUTEs of prepared statements where it cannot take
 * them), and sent with the rest of the batch in one round trip; any other statement first sends
 * what is queued, then runs on its own. One transaction per batch.
 */
export class BatchedSql implements SqlExecutor {
  private queued: (string | Segment)[] = [];
  private opened = false;

  constructor(
    private readonly connection: RebuildConnection,
    private readonly statements: StatementCatalog,
    private readonly batchFunction: BatchFunction,
  ) {}

  async query(text: string, params: unknown[] = []): Promise<any> {
    const statement = this.statements.known(text) ?? (isDeferrableWrite(text) ? await this.statements.statement(text) : undefined);
    if (!statement) {
      await this.send();
      return typeormShape(await this.connection.query(text, params));
    }
    const count = statement.paramCount;
    if (statement.inBatchFunction === undefined) {
      const values = Array.from({ length: count }, (_, i) => toLiteral(params[i]));
      this.queued.push(`EXECUTE ${statement.name}${count ? `(${values.join(',')})` : ''}`);
      return QUEUED_RESULT;
    }
    let segment = this.queued[this.queued.length - 1];
    if (typeof segment !== 'object') this.queued.push((segment = { ops: [], vals: [] }));
    segment.ops.push(statement.id);
    for (let i = 0; i < count; i++) segment.vals.push(textValue(params[i]));
    return QUEUED_RESULT;
  }

  /** Sends what is queued, then `tail` (the checkpoint and COMMIT); `committed` settles with the last answer. */
  async finish(tail: string): Promise<{ committed: Promise<unknown> }> {
    const sent = await this.dispatch();
    return { committed: Promise.all([...sent, this.connection.query(tail)]) };
  }

  private async send(): Promise<unknown> {
    return Promise.all(await this.dispatch());
  }

  /**
   * Queues what is waiting on the session, in order, without waiting for the answers: statement
   * text in one simple query, and each run of function writes as one call whose two arrays travel
   * as parameters (no quoting of a megabyte of literals on either side).
   */
  private async dispatch(): Promise<Promise<unknown>[]> {
    const queued = this.queued.splice(0);
    const ids = new Set(queued.flatMap((q) => (typeof q === 'object' ? q.ops : [])));
    const fn = ids.size ? await this.batchFunction.covering(ids, this.statements.functionStatements()) : '';
    const sent: Promise<unknown>[] = [];
    const text: string[] = this.opened ? [] : ['BEGIN'];
    this.opened = true;
    const flushText = () => text.length && sent.push(this.connection.query(text.splice(0).join(';\n')));
    for (const q of queued) {
      if (typeof q === 'string') {
        text.push(q);
        continue;
      }
      flushText();
      sent.push(this.connection.query(`SELECT ${fn}($1::integer[], $2::text[])`, [q.ops, q.vals]));
    }
    flushText();
    for (const answer of sent) answer.catch(() => undefined); // the caller awaits them together
    return sent;
  }
}
