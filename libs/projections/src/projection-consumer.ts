import { AckPolicy, DeliverPolicy, ReplayPolicy, nanos, type ConsumerConfig, type JetStreamManager } from 'nats';
import { buildTag, type BuildKey } from './build-key';

const ACK_WAIT_MS = 30_000;

/** The durable consumer one build reads through: `proj_<name>_v<version>[_g<generation>]`. */
export function projectionConsumerName(build: { readonly name: string; readonly version: number; readonly generation?: number }): string {
  return `proj_${buildTag({ name: build.name, version: build.version, generation: build.generation ?? 1 })}`;
}

/**
 * Creates the build's durable pull consumer, or brings its limits back to the wanted ones.
 * Idempotent, so provisioning scripts and every runner instance may call it. `startAfter` makes a
 * new consumer begin after that position (a rebuilt generation already holds everything before).
 */
export async function ensureProjectionConsumer(
  jsm: JetStreamManager,
  stream: string,
  build: { readonly name: string; readonly version: number; readonly generation?: number },
  batchSize = 256,
  startAfter = 0,
): Promise<string> {
  const durable = projectionConsumerName(build);
  const wanted: Partial<ConsumerConfig> = {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    ...(startAfter > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: startAfter + 1 } : { deliver_policy: DeliverPolicy.All }),
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

/** Deletes a build's durable consumer; true when it existed. */
export async function deleteProjectionConsumer(jsm: JetStreamManager, stream: string, build: BuildKey): Promise<boolean> {
  try {
    return await jsm.consumers.delete(stream, projectionConsumerName(build));
  } catch (error) {
    if ((error as { code?: string }).code === '404') return false;
    throw error;
  }
}
