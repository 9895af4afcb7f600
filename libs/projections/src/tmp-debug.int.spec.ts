import { ProjectionTestEnv } from '../test/projection-test-env';
it('debug interleaving', async () => {
  const env = await ProjectionTestEnv.create();
  let last = 0;
  for (let i = 0; i < 6; i++) last = await env.open(`c${i}`);
  for (let i = 0; i < 150; i++) last = await env.increment(`c${i % 6}`, 1);
  for (const [n, delay] of [[1, 20], [3, 20], [3, 500]] as const) {
    const t0 = Date.now();
    const version = n * 1000 + delay;
    const { counterProjection } = await import('../test/counter.projection');
    await Promise.all(Array.from({ length: n }, () => env.runner({ batchSize: 8, retryDelayMs: delay, projection: counterProjection(version) })));
    await env.reached(last, version);
    const info = await env.consumerInfo(version);
    console.log(`${n} runners delay ${delay}: ${Date.now() - t0} ms, deliveries ${info.delivered.consumer_seq} for ${last}`);
  }
  await env.dispose();
}, 60_000);
