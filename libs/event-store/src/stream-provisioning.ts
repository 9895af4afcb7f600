import { DiscardPolicy, RetentionPolicy, StorageType, nanos, type JetStreamManager, type StreamConfig } from 'nats';

export interface EventStreamSpec {
  readonly stream: string;
  readonly subjectPrefix: string;
  readonly replicas?: number;
  /** How long a commit id is remembered for duplicate detection. */
  readonly duplicateWindowMs?: number;
}

/** Creates the event stream, or brings an existing one to the required settings. Idempotent. */
export async function ensureEventStream(jsm: JetStreamManager, spec: EventStreamSpec): Promise<void> {
  const wanted: Partial<StreamConfig> = {
    name: spec.stream,
    subjects: [`${spec.subjectPrefix}.>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    // The log is the audit record: nothing in it may be deleted or purged.
    deny_delete: true,
    deny_purge: true,
    allow_direct: true,
    duplicate_window: nanos(spec.duplicateWindowMs ?? 2 * 60 * 1000),
    num_replicas: spec.replicas ?? 1,
  };
  try {
    const info = await jsm.streams.info(spec.stream);
    const current = info.config;
    const drifted =
      !current.allow_direct ||
      !current.deny_delete ||
      !current.deny_purge ||
      current.duplicate_window !== wanted.duplicate_window ||
      current.subjects.join() !== wanted.subjects!.join();
    if (drifted) await jsm.streams.update(spec.stream, { ...current, ...wanted } as StreamConfig);
  } catch (error) {
    if ((error as { code?: string }).code !== '404') throw error;
    await jsm.streams.add(wanted);
  }
}
