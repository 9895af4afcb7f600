import { createEventRegistry } from '@ragstream/contracts';
import { scanStream } from '@ragstream/event-store';
import { createTestEventStream, type TestEventStream } from '@ragstream/testing';

const decoder = new TextDecoder();

export interface StoredCommit {
  readonly seq: number;
  readonly body: Record<string, unknown>;
}

/**
 * Copies a test stream into a fresh one (its own subject prefix), the way someone with access to
 * the storage could rewrite it: `edit` returns a changed body, null to drop the commit, or
 * undefined to keep it. Positions in the copy are renumbered from 1.
 */
export async function copyStream(source: TestEventStream, edit: (commit: StoredCommit) => Record<string, unknown> | null | undefined = () => undefined): Promise<TestEventStream> {
  const copy = await createTestEventStream(createEventRegistry());
  const js = copy.nc.jetstream();
  for await (const message of scanStream(source.nc, source.stream, { filterSubject: `${source.subjectPrefix}.>` })) {
    const body = JSON.parse(decoder.decode(message.data));
    const edited = edit({ seq: message.seq, body });
    if (edited === null) continue;
    await js.publish(`${copy.subjectPrefix}${message.subject.slice(source.subjectPrefix.length)}`, JSON.stringify(edited ?? body));
  }
  return copy;
}
