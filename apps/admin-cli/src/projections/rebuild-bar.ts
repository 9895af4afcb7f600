import type { RebuildProgress } from '@ragstream/projections';
import { SingleBar } from 'cli-progress';
import { formatDuration } from './text-format';

const FORMAT = '{label} [{bar}] {percentage}% | {value}/{total} events | {rate} ev/s | ETA {eta} | {phase}';

/**
 * A rebuild's progress on stderr, measured against the stream head: a bar on a terminal, a line
 * every few seconds elsewhere (logs, CI). Nothing with `--json`, whose stdout is one document.
 */
export class RebuildBar {
  private bar?: SingleBar;

  constructor(private readonly enabled: boolean) {}

  update(progress: RebuildProgress): void {
    if (!this.enabled) return;
    const total = Math.max(1, progress.head - progress.startedAt);
    const value = Math.min(total, progress.position - progress.startedAt);
    const payload = {
      label: `${progress.projection} v${progress.version} g${progress.generation}`,
      rate: Math.round(progress.eventsPerSecond),
      eta: progress.phase === 'replaying' ? formatDuration(progress.etaMs) : '0s',
      phase: progress.phase,
    };
    if (!this.bar) {
      this.bar = new SingleBar({ stream: process.stderr, format: FORMAT, hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000, etaBuffer: 50 });
      this.bar.start(total, value, payload);
      return;
    }
    this.bar.setTotal(total);
    this.bar.update(value, payload);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
