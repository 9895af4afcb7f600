import { randomUUID } from 'node:crypto';
import { createLogger } from '@ragstream/observability';
import { TEST_DATABASE_URL, createTestDatabase, createTestEventStream, eventually, type TestDatabase, type TestEventStream } from '@ragstream/testing';
import { counterRegistry } from '../../event-store/test/test-events';
import {
  CheckpointWatcher,
  ProjectionRunner,
  ProjectionSupervisor,
  projectionConsumerName,
  rebuildProjection,
  type ProjectionRunnerOptions,
  type ProjectionSupervisorOptions,
  type RebuildOptions,
} from '../src';
import { counterProjection } from './counter.projection';

export const TENANT = 'tenant-a';
/** Keeps expected failures (poison messages, simulated crashes) out of the test output. */
export const quietLogger = createLogger('projections-test').child({}, { level: 'silent' });

type CounterEvent = { type: 'counter.opened'; data: { name: string } } | { type: 'counter.incremented'; data: { by: number } };

/** A private stream and schema, counter events to append, and runners that are stopped on dispose. */
export class ProjectionTestEnv {
  private readonly runners: { stop(): Promise<void> }[] = [];
  private readonly watchers: CheckpointWatcher[] = [];
  private readonly heads = new Map<string, { sequence: number; version: number }>();

  private constructor(
    readonly events: TestEventStream,
    readonly db: TestDatabase,
  ) {}

  static async create(): Promise<ProjectionTestEnv> {
    return new ProjectionTestEnv(await createTestEventStream(counterRegistry()), await createTestDatabase());
  }

  /** Starts a runner of the counter projection (v1 unless given), fast retries, quiet logs. */
  async runner(options: Partial<ProjectionRunnerOptions> = {}): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner({
      nc: this.events.nc,
      stream: this.events.stream,
      dataSource: this.db.dataSource,
      projection: counterProjection(),
      registry: this.events.store.registry,
      retryDelayMs: 20,
      logger: quietLogger,
      ...options,
    });
    this.runners.push(runner);
    await runner.start();
    return runner;
  }

  /** A started checkpoint watcher on this schema, closed on dispose. */
  async watcher(): Promise<CheckpointWatcher> {
    const watcher = new CheckpointWatcher({ connectionString: TEST_DATABASE_URL, schema: this.db.schema, logger: quietLogger, pollIntervalMs: 100 });
    this.watchers.push(watcher);
    await watcher.start();
    return watcher;
  }

  /** Starts a supervisor of the counter projection, as the projector runs one per projection. */
  async supervisor(watcher: CheckpointWatcher, options: Partial<ProjectionSupervisorOptions> = {}): Promise<ProjectionSupervisor> {
    const supervisor = new ProjectionSupervisor({
      nc: this.events.nc,
      stream: this.events.stream,
      dataSource: this.db.dataSource,
      connectionString: TEST_DATABASE_URL,
      schema: this.db.schema,
      projection: counterProjection(),
      registry: this.events.store.registry,
      watcher,
      instance: 'test projector',
      retryDelayMs: 20,
      rebuildRetryMs: 200,
      logger: quietLogger,
      ...options,
    });
    this.runners.push(supervisor);
    await supervisor.start();
    return supervisor;
  }

  /** Rebuilds the counter projection from the log (a CLI does the same), quietly. */
  rebuild(options: Partial<RebuildOptions> = {}) {
    return rebuildProjection({
      nc: this.events.nc,
      stream: this.events.stream,
      connectionString: TEST_DATABASE_URL,
      schema: this.db.schema,
      projection: counterProjection(),
      registry: this.events.store.registry,
      startedBy: 'test rebuild',
      logger: quietLogger,
      ...options,
    });
  }

  /** Appends one commit to counter `id` and answers its position. */
  async append(id: string, ...events: CounterEvent[]): Promise<number> {
    const head = this.heads.get(id) ?? { sequence: 0, version: 0 };
    const result = await this.events.store.append({
      tenantId: TENANT,
      aggregateType: 'counter',
      aggregateId: id,
      expectedSequence: head.sequence,
      expectedVersion: head.version,
      events,
      context: { commitId: randomUUID(), actor: { type: 'user', id: 'u1' }, correlationId: randomUUID(), occurredAt: new Date() },
    });
    this.heads.set(id, { sequence: result.position, version: result.version });
    return result.position;
  }

  open = (id: string, name = `counter ${id}`) => this.append(id, { type: 'counter.opened', data: { name } });
  increment = (id: string, by: number) => this.append(id, { type: 'counter.incremented', data: { by } });

  head(): Promise<number> {
    return this.events.store.headPosition();
  }

  async checkpoint(version = 1, generation = 1): Promise<number> {
    const rows = await this.db.dataSource.query(`SELECT position FROM projection_checkpoints WHERE projection = 'counters' AND version = $1 AND generation = $2`, [
      version,
      generation,
    ]);
    return rows.length ? Number(rows[0].position) : 0;
  }

  /** Waits, with a deadline, until the projection's checkpoint reaches `position`. */
  reached(position: number, version = 1, generation = 1): Promise<true> {
    return eventually(async () => ((await this.checkpoint(version, generation)) >= position ? true : undefined), 15_000, `checkpoint ${position}`);
  }

  query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.dataSource.query(sql, params);
  }

  consumerInfo(version = 1) {
    return this.events.nc.jetstreamManager().then((jsm) => jsm.consumers.info(this.events.stream, projectionConsumerName({ name: 'counters', version })));
  }

  async dispose(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
    await Promise.all(this.watchers.map((w) => w.close()));
    await this.events.dispose();
    await this.db.dispose();
  }
}
