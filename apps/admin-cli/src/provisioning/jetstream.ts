import { ContentStore, ensureEventStream } from '@ragstream/event-store';
import { ensureProjectionConsumer } from '@ragstream/projections';
import { projectionIdentities } from '@ragstream/read-models';
import type { JetStreamManager, NatsConnection } from 'nats';
import type { AdminConfig } from '../admin.config';
import { connectPostgres } from '../connections';

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

/**
 * One durable consumer per projection for the build the projector will feed: the live generation
 * when this code version is live (a rebuild may have made it generation 2 or later), else the first.
 */
export async function provisionProjectionConsumers(jsm: JetStreamManager, config: AdminConfig): Promise<string[]> {
  const live = await liveGenerations(config);
  const durables: string[] = [];
  for (const projection of projectionIdentities()) {
    const current = live.get(projection.name);
    const generation = current?.version === projection.version ? current.generation : 1;
    durables.push(await ensureProjectionConsumer(jsm, config.EVENTS_STREAM, { ...projection, generation }, config.PROJECTION_BATCH_SIZE));
  }
  return durables;
}

/** The registry's live builds; empty before the first projector start (or before migrations). */
async function liveGenerations(config: AdminConfig): Promise<Map<string, { version: number; generation: number }>> {
  const client = await connectPostgres(config.DATABASE_URL);
  try {
    const { rows } = await client.query(`SELECT projection, live_version, live_generation FROM ${quoteIdent(config.DB_SCHEMA)}.projection_registry`).catch(() => ({ rows: [] }));
    return new Map(rows.map((r) => [r.projection, { version: Number(r.live_version), generation: Number(r.live_generation) }]));
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
