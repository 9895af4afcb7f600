import { eventually } from '@ragstream/testing';
import { counterProjection } from '../test/counter.projection';
import { ProjectionTestEnv } from '../test/projection-test-env';

const withFingerprint = (fingerprint: string) => ({ ...counterProjection(), fingerprint });
const builds = (env: ProjectionTestEnv) =>
  env.query(`SELECT generation, fingerprint, state, tables_dropped FROM projection_builds WHERE projection = 'counters' ORDER BY generation`);

describe('ProjectionSupervisor, as the projector runs it (real NATS + Postgres)', () => {
  let env: ProjectionTestEnv;
  beforeEach(async () => {
    env = await ProjectionTestEnv.create();
  });
  afterEach(() => env.dispose());

  it('rebuilds in the background when started with another fingerprint, serving the old build meanwhile, then feeds the new one', async () => {
    const watcher = await env.watcher();
    const first = await env.supervisor(watcher, { projection: withFingerprint('model-a') });
    await env.open('a');
    await env.reached(await env.increment('a', 2));
    await first.stop();
    const unseen = await env.increment('a', 3); // only the new build will have it
    expect(await env.query(`SELECT total FROM counters`)).toEqual([{ total: 2 }]);

    const second = await env.supervisor(watcher, { projection: withFingerprint('model-b') });
    await eventually(async () => (second.status().state === 'live' && second.status().generation === 2 ? true : undefined), 15_000, 'the swap');
    await env.reached(unseen, 1, 2);
    expect(await env.query(`SELECT total FROM counters`)).toEqual([{ total: 5 }]);
    expect(await builds(env)).toEqual([
      { generation: 1, fingerprint: 'model-a', state: 'retired', tables_dropped: true },
      { generation: 2, fingerprint: 'model-b', state: 'live', tables_dropped: false },
    ]);
    const later = await env.increment('a', 1);
    await env.reached(later, 1, 2);
    expect(await env.query(`SELECT total FROM counters`)).toEqual([{ total: 6 }]);
  });

  it('feeds a build without a fingerprint as before, and waits when the live build is newer than its code', async () => {
    const watcher = await env.watcher();
    const current = await env.supervisor(watcher);
    await env.reached(await env.open('a'));
    expect(current.status()).toMatchObject({ state: 'live', version: 1, generation: 1, running: true });
    await current.stop();
    await env.rebuild({ projection: counterProjection(2) });
    const old = await env.supervisor(watcher);
    expect(old.status()).toMatchObject({ state: 'waiting', detail: 'the live build (v2) is newer than this code (v1)' });
  });
});
