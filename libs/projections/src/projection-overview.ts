import type { NatsConnection } from 'nats';
import { matchBuild } from './build-match';
import { liveBuild, unfinishedBuild, type BuildRecord } from './build-registry';
import { readCheckpoint } from './checkpoint-store';
import { countOpenDeadLetters } from './dead-letters';
import type { Projection, SqlExecutor } from './projection';
import { rebuildLockHolder } from './rebuild/rebuild-lock';
import { lagBehind, readStreamHead } from './stream-head';

/** One projection as an operator sees it, read from Postgres and the stream alone (no projector needed). */
export interface ProjectionOverview {
  readonly name: string;
  readonly codeVersion: number;
  readonly fingerprint: string | null;
  readonly live: { version: number; generation: number; fingerprint: string | null; swappedAt: string | null } | null;
  /** The live build was made by other code or another configuration than the one given. */
  readonly stale: boolean;
  readonly state: 'live' | 'rebuilding' | 'failed' | 'not-built';
  readonly checkpoint: number;
  readonly head: number;
  readonly lagEvents: number;
  readonly lagMs: number;
  readonly deadLetters: { readonly live: number; readonly total: number };
  readonly rebuild: RebuildOverview | null;
}

export interface RebuildOverview {
  readonly generation: number;
  readonly running: boolean;
  readonly checkpoint: number;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly error: string | null;
  readonly session: { pid: number; application: string } | null;
}

/** Status of each given projection (the deployment's catalog) against `stream`. */
export async function projectionOverview(sql: SqlExecutor, nc: NatsConnection, stream: string, projections: readonly Projection[]): Promise<ProjectionOverview[]> {
  const head = await readStreamHead(nc, stream);
  const letters = await countOpenDeadLetters(sql);
  const out: ProjectionOverview[] = [];
  for (const projection of projections) {
    const live = await liveBuild(sql, projection.name);
    const checkpoint = live ? await readCheckpoint(sql, live) : 0;
    const lag = await lagBehind(nc, stream, head, checkpoint);
    const rebuild = await rebuildOverview(sql, projection);
    const builds = letters.get(projection.name) ?? new Map<string, number>();
    out.push({
      name: projection.name,
      codeVersion: projection.version,
      fingerprint: projection.fingerprint ?? null,
      live: live ? describeLive(live) : null,
      stale: !!live && matchBuild(live, projection) !== 'same',
      state: rebuild?.running ? 'rebuilding' : rebuild ? 'failed' : live ? 'live' : 'not-built',
      checkpoint,
      head: head.position,
      lagEvents: lag.events,
      lagMs: lag.ms,
      deadLetters: { live: live ? (builds.get(`${live.version}.${live.generation}`) ?? 0) : 0, total: [...builds.values()].reduce((a, b) => a + b, 0) },
      rebuild,
    });
  }
  return out;
}

function describeLive(live: BuildRecord) {
  return { version: live.version, generation: live.generation, fingerprint: live.fingerprint, swappedAt: live.swappedAt?.toISOString() ?? null };
}

/** The unfinished build of the code's version, running (its lock is held) or stopped. */
async function rebuildOverview(sql: SqlExecutor, projection: Projection): Promise<RebuildOverview | null> {
  const build = await unfinishedBuild(sql, projection.name, projection.version);
  const holder = await rebuildLockHolder(sql, projection.name);
  if (!build) return null;
  return {
    generation: build.generation,
    running: !!holder && build.state === 'building',
    checkpoint: await readCheckpoint(sql, build),
    startedBy: build.startedBy,
    startedAt: build.startedAt.toISOString(),
    error: build.error,
    session: holder ? { pid: holder.pid, application: holder.applicationName } : null,
  };
}
