/** How long the latest user message may wait for its answer before a new message may supersede it. */
export const UNANSWERED_TURN_TIMEOUT_MS = 2 * 60_000;

/**
 * True when a user message posted at `postedAt` has waited long enough that its answer is taken as
 * failed (a crash before anything was recorded); the handler then sets `supersedeUnanswered`.
 */
export function isTurnAbandoned(postedAt: Date, now: Date): boolean {
  return now.getTime() - postedAt.getTime() > UNANSWERED_TURN_TIMEOUT_MS;
}
