import type { DeadLetterRecord } from '@ragstream/projections';
import { columns } from './text-format';

/** `dlq list`: one line per letter. */
export function deadLetterList(letters: readonly DeadLetterRecord[]): string {
  if (letters.length === 0) return 'no dead letters match';
  return columns(
    ['ID', 'PROJECTION', 'BUILD', 'POSITION', 'EVENT', 'TENANT', 'ATTEMPTS', 'STATE', 'SINCE', 'ERROR'],
    letters.map((l) => [
      String(l.id),
      l.projection,
      `v${l.version} g${l.generation}`,
      String(l.position),
      l.eventType ?? '-',
      l.tenantId ?? '-',
      String(l.attempts),
      l.status,
      l.createdAt.toISOString(),
      l.error.split('\n')[0].slice(0, 80),
    ]),
  );
}

/** `dlq show`: the letter, its whole error and the stored commit, decoded when it decodes. */
export function deadLetterDetail(letter: DeadLetterRecord, stored: { commit?: unknown; decodeError?: string; raw?: string }): string {
  const closed = letter.resolvedAt ? `${letter.status} by ${letter.resolvedBy} at ${letter.resolvedAt.toISOString()}: ${letter.resolutionNote}` : letter.status;
  const head = [
    `dead letter ${letter.id}: ${letter.projection} v${letter.version} g${letter.generation}, position ${letter.position}`,
    `  subject   ${letter.subject}`,
    `  event     ${letter.eventType ?? '-'} (tenant ${letter.tenantId ?? '-'})`,
    `  attempts  ${letter.attempts}, recorded ${letter.createdAt.toISOString()}`,
    `  state     ${closed}`,
    '',
    'error:',
    indent(letter.error),
    '',
  ];
  const body = stored.commit
    ? ['commit:', indent(JSON.stringify(stored.commit, null, 2))]
    : ['commit (does not decode):', indent(stored.decodeError ?? ''), 'raw:', indent(stored.raw ?? '')];
  return [...head, ...body].join('\n');
}

const indent = (text: string) => text.replace(/^/gm, '  ');
