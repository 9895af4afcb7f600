import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { AuditEvent } from '@ragstream/audit';
import { DomainError } from '@ragstream/domain';

export type EventFormat = 'table' | 'ndjson';

/** Where replayed commits go: stdout or a file, as a table (one row per commit) or NDJSON (one event per line). */
export interface EventSink {
  write(events: readonly AuditEvent[]): Promise<void>;
  close(): Promise<void>;
}

const COLUMNS = ['POSITION', 'OCCURRED AT', 'TENANT', 'AGGREGATE', 'VERSION', 'ACTOR', 'EVENTS'];
const WIDTHS = [9, 25, 37, 50, 8, 45];

function row(cells: readonly string[]): string {
  return `${cells.map((cell, i) => (i < WIDTHS.length ? cell.padEnd(WIDTHS[i] - 1) : cell)).join(' ')}\n`;
}

function tableRow(events: readonly AuditEvent[]): string {
  const e = events[0];
  return row([String(e.position), e.occurredAt, e.tenantId, `${e.aggregateType}/${e.aggregateId}`, String(e.commitVersion), `${e.actor.type}:${e.actor.id}`, events.map((x) => x.type).join(',')]);
}

async function openTarget(path: string | undefined): Promise<Writable> {
  if (!path) return process.stdout;
  const file = createWriteStream(path, { flags: 'wx' });
  try {
    await once(file, 'open');
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') throw new DomainError('OUTPUT.FILE_EXISTS', 'conflict', `${path} exists already`);
    throw error;
  }
  return file;
}

/** Opens the sink; a file is created, never overwritten. */
export async function openEventSink(format: EventFormat, path?: string): Promise<EventSink> {
  const target = await openTarget(path);
  const put = async (text: string) => {
    if (!target.write(text)) await once(target, 'drain');
  };
  if (format === 'table') await put(row(COLUMNS));
  return {
    write: (events) => put(format === 'table' ? tableRow(events) : events.map((e) => `${JSON.stringify(e)}\n`).join('')),
    async close() {
      if (target === process.stdout) return;
      target.end();
      await once(target, 'finish');
    },
  };
}
