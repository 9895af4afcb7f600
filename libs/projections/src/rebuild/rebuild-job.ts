import { createLogger, type Logger } from '@ragstream/observability';
import { setTimeout as delay } from 'node:timers/promises';
import { sameBuild } from '../build-key';
import { setBuildState } from '../build-registry';
import { deleteProjectionConsumer, ensureProjectionConsumer } from '../projection-consumer';
import { describeError } from '../projection-failure';
import { abandonBuild, retireBuild } from './build-retirement';
import { swapGeneration } from './generation-swap';
import { RebuildConnection } from './rebuild-connection';
import { unlockRebuild, tryLockRebuild } from './rebuild-lock';
import { planRebuild, type RebuildPlan } from './rebuild-plan';
import type { RebuildOptions, RebuildResult } from './rebuild-options';
import { measureProgress, type RebuildProgress } from './rebuild-progress';
import { rebuildLocked } from './rebuild-refusal';
import { setUpBuild } from './rebuild-setup';
import { replayToHead } from './replay-phase';

const RESTARTS = 3;

/**
 * Builds a new generation of a projection from the start of the log into fresh tables while the
 * live one keeps serving, catches up with the head, swaps atomically and retires the old build.
 * Refused (ProjectionOperationError 'locked') while another session rebuilds the same projection.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { projection } = options;
  const connection = await RebuildConnection.open({ connectionString: options.connectionString, schema: options.schema, applicationName: 'ragstream-rebuild' });
  try {
    if (!(await tryLockRebuild(connection, projection.name))) throw await rebuildLocked(connection.executor, projection.name);
    try {
      const plan = await planRebuild(connection.executor, projection, options.resume ?? false);
      return await new RebuildRun(connection, options, plan).run();
    } finally {
      await unlockRebuild(connection, projection.name).catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
}

/** One locked run of a plan. */
class RebuildRun {
  private readonly logger: Logger;
  private readonly startedMs = Date.now();
  private readonly deadLettered: number[] = [];
  private fallbacks = 0;
  private lastHead = 0;
  private position: number;
  /** Where this run's replay starts: 0, or a resumed build's checkpoint. */
  private readonly from: number;

  constructor(
    private readonly connection: RebuildConnection,
    private readonly options: RebuildOptions,
    private readonly plan: RebuildPlan,
  ) {
    this.position = this.from = plan.from;
    this.logger = (options.logger ?? createLogger('projection-rebuild')).child({ projection: plan.projection, version: plan.version, generation: plan.target.generation });
  }

  async run(): Promise<RebuildResult> {
    const { connection, options, plan } = this;
    const jsm = await options.nc.jetstreamManager();
    if (plan.abandons) await abandonBuild(plan.abandons, { connection, jsm, stream: options.stream });
    this.position = await setUpBuild(connection, options.projection, plan.target, options.startedBy);
    let caughtUpInSwap = 0;
    try {
      if ((await this.replay()) === 'interrupted') return await this.interrupted();
      this.report('swapping');
      // A fresh consumer starting right after the checkpoint; the few positions the swap adds are skipped by the runner.
      await deleteProjectionConsumer(jsm, options.stream, plan.target);
      await ensureProjectionConsumer(jsm, options.stream, plan.target, options.consumerBatchSize ?? 256, this.position);
      const swap = await swapGeneration(connection, { ...this.settings(), nc: options.nc, stream: options.stream, expectedLive: plan.live, startedBy: options.startedBy });
      this.position = swap.position;
      caughtUpInSwap = swap.caughtUpInSwap;
    } catch (error) {
      await connection.transaction((sql) => setBuildState(sql, plan.target, 'failed', describeError(error))).catch(() => undefined);
      throw error;
    }
    this.report('cleaning');
    const previous = plan.live && !sameBuild(plan.live, plan.target) ? plan.live : undefined;
    if (previous) await retireBuild(previous, { connection, jsm, stream: options.stream, keepTables: options.keepOld ?? false });
    this.report('done');
    return this.result('swapped', caughtUpInSwap, previous ? (options.keepOld ? 'kept' : 'dropped') : 'none');
  }

  private async interrupted(): Promise<RebuildResult> {
    await this.connection.transaction((sql) => setBuildState(sql, this.plan.target, 'failed', `interrupted at position ${this.position}`));
    return this.result('interrupted', 0, 'none');
  }

  /** Replays to the head; a failure (database, NATS, a projection's prepare) restarts from the checkpoint a few times. */
  private async replay(): Promise<'caught-up' | 'interrupted'> {
    const { options, plan } = this;
    for (let attempt = 0; ; attempt++) {
      try {
        return await replayToHead(this.connection, {
          ...this.settings(),
          nc: options.nc,
          stream: options.stream,
          batchSize: options.batchSize ?? 1000,
          live: plan.live,
          signal: options.signal,
          streamHead: async () => (await (await options.nc.jetstreamManager()).streams.info(options.stream)).state.last_seq,
          onCommitted: (position, head) => {
            this.position = position;
            this.report('replaying', head);
          },
          onDeadLettered: (positions) => {
            this.deadLettered.push(...positions);
            this.logger.error({ positions }, 'dead-lettered during the rebuild');
          },
          onFallback: (error) => {
            // The first one is worth a warning: a projection that always falls back rebuilds slowly.
            if (this.fallbacks++ === 0) this.logger.warn({ err: error }, 'a batch was rerun one message at a time');
            else this.logger.debug({ err: error }, 'a batch was rerun one message at a time');
          },
          afterBatch: options.hooks?.afterBatch,
        });
      } catch (error) {
        if (attempt >= RESTARTS || options.signal?.aborted) throw error;
        this.logger.warn({ err: error, attempt: attempt + 1 }, 'rebuild replay failed; restarting from the checkpoint');
        await this.connection.query('ROLLBACK');
        await delay(1000 * 2 ** attempt);
      }
    }
  }

  private settings() {
    const { options, plan } = this;
    return { projection: options.projection, key: plan.target, registry: options.registry, maxAttempts: options.maxAttempts ?? 5 };
  }

  private report(phase: RebuildProgress['phase'], head = this.lastHead): void {
    this.lastHead = Math.max(head, this.position);
    const { plan } = this;
    const base = { projection: plan.projection, version: plan.version, generation: plan.target.generation, phase, position: this.position, head: this.lastHead, startedAt: this.from };
    this.options.onProgress?.(measureProgress(base, this.startedMs));
  }

  private result(outcome: RebuildResult['outcome'], caughtUpInSwap: number, oldTables: RebuildResult['oldTables']): RebuildResult {
    const { plan } = this;
    const elapsedMs = Date.now() - this.startedMs;
    const applied = this.position - this.from;
    return {
      projection: plan.projection,
      version: plan.version,
      generation: plan.target.generation,
      fingerprint: plan.fingerprint,
      outcome,
      resumed: plan.resume,
      from: this.from,
      position: this.position,
      applied,
      elapsedMs,
      eventsPerSecond: (applied * 1000) / Math.max(1, elapsedMs),
      caughtUpInSwap,
      deadLettered: this.deadLettered,
      fallbacks: this.fallbacks,
      previous: plan.live && !sameBuild(plan.live, plan.target) ? { name: plan.live.name, version: plan.live.version, generation: plan.live.generation } : null,
      oldTables,
    };
  }
}
