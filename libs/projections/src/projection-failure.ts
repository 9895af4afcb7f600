const MAX_ERROR_TEXT = 4000;
const STACK_FRAMES = 5;

// SQLSTATE classes where the database, not the message, is at fault: connection (08), transaction
// rollback such as deadlock (40), resources (53), operator intervention (57), system (58).
const TRANSIENT_CLASSES = new Set(['08', '40', '53', '57', '58']);
// A statement timeout may well be caused by the message itself, so it counts as an attempt.
const QUERY_CANCELED = '57014';

/** True for database failures worth retrying without counting them against the message. */
export function isTransientError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code === QUERY_CANCELED) return false;
  return TRANSIENT_CLASSES.has(code.slice(0, 2));
}

/** `Name: message` plus the head of the stack: enough for an operator to find the failing line. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return truncate(String(error));
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, STACK_FRAMES);
  return truncate([`${error.name}: ${error.message}`, ...frames].join('\n'));
}

function truncate(text: string): string {
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT - 1)}…` : text;
}
