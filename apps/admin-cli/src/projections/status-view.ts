import type { ProjectionOverview } from '@ragstream/projections';
import { columns, formatDuration } from './text-format';

const build = (o: ProjectionOverview) => (o.live ? `v${o.live.version} g${o.live.generation}` : '-');
const letters = (o: ProjectionOverview) => `${o.deadLetters.live}/${o.deadLetters.total}`;

/** `projections list`: one line per projection. */
export function listView(overviews: readonly ProjectionOverview[]): string {
  return columns(
    ['NAME', 'BUILD', 'STATE', 'CHECKPOINT', 'HEAD', 'LAG', 'LAG TIME', 'DLQ (live/all)', 'STALE'],
    overviews.map((o) => [o.name, build(o), o.state, String(o.checkpoint), String(o.head), String(o.lagEvents), formatDuration(o.lagMs), letters(o), o.stale ? 'yes' : 'no']),
  );
}

/** `projections status`: everything known about each projection, one block each. */
export function statusView(overviews: readonly ProjectionOverview[]): string {
  return overviews.map(block).join('\n\n');
}

function block(o: ProjectionOverview): string {
  const lines: [string, string][] = [
    ['state', o.state],
    ['live build', o.live ? `${build(o)}${o.live.swappedAt ? `, live since ${o.live.swappedAt}` : ''}` : 'none (never started)'],
    ['code', `v${o.codeVersion}`],
    ['fingerprint', `live ${o.live?.fingerprint ?? '-'}, configured ${o.fingerprint ?? '-'}${o.stale ? '  STALE: the projector rebuilds on its next start' : ''}`],
    ['checkpoint', `${o.checkpoint} of ${o.head} (lag ${o.lagEvents} events, ${formatDuration(o.lagMs)})`],
    ['dead letters', `${o.deadLetters.live} open in the live build, ${o.deadLetters.total} in all builds`],
  ];
  const r = o.rebuild;
  if (r) {
    const where = `at ${r.checkpoint} of ${o.head} (${o.head ? Math.floor((100 * r.checkpoint) / o.head) : 100}%)`;
    const how = r.running ? `running in session ${r.session?.pid}` : `stopped${r.error ? `: ${r.error.split('\n')[0]}` : ''}; continue with: projections rebuild ${o.name} --resume`;
    lines.push(['rebuild', `generation ${r.generation} started by ${r.startedBy} at ${r.startedAt}, ${where}, ${how}`]);
  }
  return [o.name, ...lines.map(([k, v]) => `  ${k.padEnd(13)}${v}`)].join('\n');
}
