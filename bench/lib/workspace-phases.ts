import { performance } from 'node:perf_hooks';
import type { CheckpointWatcher } from '@ragstream/projections';
import type { BenchPlatform } from './bench-platform';
import { runClosedLoop } from './load';
import type { PhaseResult } from './stats';

export interface Session {
  readonly platform: BenchPlatform;
  readonly auth: Record<string, string>;
}

let created = 0;

/** One `POST /v1/workspaces` with a distinct name: a fresh aggregate every time. */
export function createWorkspace({ platform, auth }: Session): Promise<{ workspaceId: string; position: number }> {
  return platform.commandClient.expect(201, 'POST', '/v1/workspaces', auth, { name: `bench workspace ${++created}` });
}

export const commandPhase = (s: Session, label: string, total: number, concurrency: number) =>
  runClosedLoop(label, total, concurrency, async () => void (await createWorkspace(s)));

/** `GET /healthz` on command-api: Fastify, Nest, the hooks and the HTTP instrumentation, no auth and no I/O. */
export const httpFloorPhase = (s: Session, label: string, total: number, concurrency: number) =>
  runClosedLoop(label, total, concurrency, async () => void (await s.platform.commandClient.expect(200, 'GET', '/healthz')));

export interface VisibleResult {
  readonly phase: PhaseResult;
  /** send -> GET answered 200: the figure the target is about. */
  readonly visibleMs: number[];
  /** send -> command answered. */
  readonly commandMs: number[];
  /** send -> this process heard the identity checkpoint reach the command's position. */
  readonly projectedMs: number[];
}

/**
 * Send the command, then one `GET /v1/workspaces/{id}` with `X-Min-Position` (the query API holds
 * it until the identity projection has applied that position). A checkpoint listener of our own
 * splits the time into command, projection and query parts.
 */
export async function visiblePhase(s: Session, watcher: CheckpointWatcher, label: string, total: number, concurrency: number): Promise<VisibleResult> {
  const visibleMs: number[] = [];
  const commandMs: number[] = [];
  const projectedMs: number[] = [];
  const phase = await runClosedLoop(label, total, concurrency, async () => {
    const t0 = performance.now();
    const { workspaceId, position } = await createWorkspace(s);
    commandMs.push(performance.now() - t0);
    const projected = watcher.waitFor('identity', position, 10_000).then(() => projectedMs.push(performance.now() - t0));
    projected.catch(() => undefined); // awaited below; a timeout must not count as unhandled meanwhile
    await s.platform.queryClient.expect(200, 'GET', `/v1/workspaces/${workspaceId}`, { ...s.auth, 'x-min-position': String(position) });
    visibleMs.push(performance.now() - t0);
    await projected;
  });
  return { phase: { ...phase, latenciesMs: visibleMs }, visibleMs, commandMs, projectedMs };
}
