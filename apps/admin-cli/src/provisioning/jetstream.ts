import { ContentStore, ensureEventStream } from '@ragstream/event-store';
import { ensureProjectionConsumer } from '@ragstream/projections';
import { projectionIdentities } from '@ragstream/read-models';
import type { JetStreamManager, NatsConnection } from 'nats';
import type { AdminConfig } from '../admin.config';

/** The event stream with its required settings; returns what it holds now. */
export async function provisionStream(jsm: JetStreamManager, config: AdminConfig) {
  await ensureEventStream(jsm, { stream: config.EVENTS_STREAM, subjectPrefix: config.EVENTS_SUBJECT_PREFIX, replicas: config.EVENTS_REPLICAS });
  const info = await jsm.streams.info(config.EVENTS_STREAM);
  return { stream: info.config.name, subjects: info.config.subjects, replicas: info.config.num_replicas, commits: info.state.messages };
}

/** The object-store bucket for large payloads, replicated like the stream. */
export async function provisionContentBucket(nc: NatsConnection, config: AdminConfig): Promise<string> {
  await ContentStore.open(nc, config.CONTENT_BUCKET, config.EVENTS_REPLICAS);
  return config.CONTENT_BUCKET;
}

/** One durable consumer per projection version the projector runs. */
export async function provisionProjectionConsumers(jsm: JetStreamManager, config: AdminConfig): Promise<string[]> {
  const durables: string[] = [];
  for (const projection of projectionIdentities()) {
    durables.push(await ensureProjectionConsumer(jsm, config.EVENTS_STREAM, projection, config.PROJECTION_BATCH_SIZE));
  }
  return durables;
}
