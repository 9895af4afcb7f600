import os from 'node:os';

/** Who runs the command, for the records a command leaves: `alice@ops-1`. */
export function operator(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the host still says where it came from.
  }
  return `${user}@${os.hostname()}`;
}

/** What a rebuild records as its starter, and names to anyone refused its lock. */
export function commandInstance(): string {
  return `ragstream-admin ${operator()} pid ${process.pid}`;
}
