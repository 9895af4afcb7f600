import { DomainError } from '@ragstream/domain';
import type { CheckpointNotice } from './checkpoint-store';

/** The checkpoint of every projection's live build. */
export const LIVE_POSITIONS_SQL = `
  SELECT r.projection, r.live_version AS version, r.live_generation AS generation, coalesce(c.position, 0) AS position
  FROM projection_registry r
  LEFT JOIN projection_checkpoints c
    ON c.projection = r.projection AND c.version = r.live_version AND c.generation = r.live_generation`;

/** A checkpoint notice, or undefined for a payload this version of the code does not understand. */
export function parseCheckpointNotice(payload: string | undefined): CheckpointNotice | undefined {
  try {
    const notice = JSON.parse(payload ?? '');
    const valid =
      typeof notice?.schema === 'string' &&
      typeof notice.projection === 'string' &&
      Number.isInteger(notice.version) &&
      Number.isInteger(notice.position);
    // Notices from before generations existed speak of generation 1.
    return valid ? { ...notice, generation: Number.isInteger(notice.generation) ? notice.generation : 1 } : undefined;
  } catch {
    return undefined;
  }
}

/** What a read waiting for its own write gets when the projection lags too far: HTTP 503. */
export function notCaughtUp(projection: string, minPosition: number, timeoutMs: number, position?: number): DomainError {
  return new DomainError(
    'READ_MODEL.NOT_CAUGHT_UP',
    'unavailable',
    `${projection} has not reached position ${minPosition} within ${timeoutMs} ms; retry shortly`,
    { projection, minPosition, position: position ?? null },
  );
}

/** Same answer for a wait cut short by shutdown: the client retries against another instance. */
export function watcherClosed(projection: string, minPosition: number, position?: number): DomainError {
  return new DomainError(
    'READ_MODEL.NOT_CAUGHT_UP',
    'unavailable',
    `${projection} could not be awaited to position ${minPosition}: shutting down; retry shortly`,
    { projection, minPosition, position: position ?? null },
  );
}
