import type { SqlExecutor } from '../projection';
import type { RebuildConnection } from './rebuild-connection';
import { isDeferrableWrite, toLiteral, typeormShape } from './sql-literals';

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

/**
 * What a projection's `apply` gets in a fast rebuild batch: INSERT/UPDATE/DELETE are queued as
 * EXECUTEs of prepared statements and sent with the rest of the batch in one round trip; any
 * other statement first sends what is queued, then runs on its own. One transaction per batch.
 */
export class BatchedSql implements SqlExecutor {
  private queued: string[] = [];
  private opened = false;

  constructor(private readonly connection: RebuildConnection) {}

  async query(text: string, params: unknown[] = []): Promise<any> {
    if (isDeferrableWrite(text)) {
      const name = await this.connection.statementName(text);
      this.queued.push(params.length ? `EXECUTE ${name}(${params.map(toLiteral).join(',')})` : `EXECUTE ${name}`);
      return QUEUED_RESULT;
    }
    await this.send();
    return typeormShape(await this.connection.query(text, params));
  }

  /** Sends what is queued, then `tail` (the checkpoint and COMMIT), without waiting for the answer. */
  finish(tail: string): Promise<unknown> {
    return this.dispatch([...this.queued.splice(0), tail]);
  }

  private send(): Promise<unknown> {
    return this.queued.length || !this.opened ? this.dispatch(this.queued.splice(0)) : Promise.resolve();
  }

  private dispatch(statements: string[]): Promise<unknown> {
    const begin = this.opened ? [] : ['BEGIN'];
    this.opened = true;
    return this.connection.query([...begin, ...statements].join(';\n'));
  }
}
