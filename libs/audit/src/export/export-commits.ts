import { headersToRecord, scanStream, type JetStreamEventStore } from '@ragstream/event-store';
import { contentRefsOf } from './content-refs';
import { NdjsonFile } from './ndjson-file';

export interface ExportedCommits {
  readonly count: number;
  readonly sha256: string;
  readonly firstPosition: number | null;
  readonly lastPosition: number | null;
  readonly events: number;
  readonly aggregates: number;
  /** Object-store objects the events refer to. */
  readonly refs: ReadonlySet<string>;
}

const decoder = new TextDecoder();

/** Writes a tenant's commits up to a position to an NDJSON file, exactly as stored, one per line. */
export async function exportCommits(store: JetStreamEventStore, tenantId: string, upToPosition: number, path: string): Promise<ExportedCommits> {
  const file = await NdjsonFile.create(path);
  const refs = new Set<string>();
  const aggregates = new Set<string>();
  let events = 0;
  let firstPosition: number | null = null;
  let lastPosition: number | null = null;
  try {
    const scan = scanStream(store.nc, store.options.stream, { filterSubject: store.subjects.all(tenantId), toPosition: upToPosition });
    for await (const message of scan) {
      const envelope = JSON.parse(decoder.decode(message.data));
      await file.write({ position: message.seq, subject: message.subject, storedAt: message.storedAt.toISOString(), headers: headersToRecord(message.headers), envelope });
      for (const event of envelope.events ?? []) contentRefsOf(event.data, refs);
      events += envelope.events?.length ?? 0;
      aggregates.add(message.subject);
      firstPosition ??= message.seq;
      lastPosition = message.seq;
    }
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error;
  }
  return { count: file.lines, sha256: await file.close(), firstPosition, lastPosition, events, aggregates: aggregates.size, refs };
}
