import { AckPolicy, DeliverPolicy, ReplayPolicy, nanos, type ConsumerConfig, type JetStreamManager } from 'nats';
import { assertIdentifier } from './table-names';

const ACK_WAIT_MS = 30_000;

/** The durable consumer a projection version reads through: `proj_<name>_v<version>`. */
export function projectionConsumerName(projection: { readonly name: string; readonly version: number }): string {
  assertIdentifier(projection.name, 'projection name');
  return `proj_${projection.name}_v${projection.version}`;
}

/**
 * Creates the projection's durable pull consumer, or brings its limits back to the wanted ones.
 * Idempotent, so provisioning scripts and every runner instance may call it.
 */
export async function ensureProjectionConsumer(
  jsm: JetStreamManager,
  stream: string,
  projection: { readonly name: string; readonly version: number },
  batchSize = 256,
): Promise<string> {
  const durable = projectionConsumerName(projection);
  const wanted: Partial<ConsumerConfig> = {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    replay_policy: ReplayPolicy.Instant,
    ack_wait: nanos(ACK_WAIT_MS),
    // With the checkpoint row lock this keeps instances sharing the consumer close to one contiguous range.
    max_ack_pending: batchSize,
    // Unlimited: the runner dead-letters itself; a server-side limit would leave a permanent gap.
    max_deliver: -1,
    // No filter: every subject is read so the stream sequences seen are dense and gaps are detectable.
  };
  try {
    const { config } = await jsm.consumers.info(stream, durable);
    if (config.max_ack_pending !== batchSize || config.ack_wait !== wanted.ack_wait) {
      await jsm.consumers.update(stream, durable, { max_ack_pending: batchSize, ack_wait: wanted.ack_wait });
    }
  } catch (error) {
    if ((error as { code?: string }).code !== '404') throw error;
    await jsm.consumers.add(stream, wanted);
  }
  return durable;
}
