import { Platform, newTenant } from './platform-harness';

describe('smoke', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await Platform.start();
  });
  afterAll(() => platform?.close());

  it('signs up, logs in and reads me', async () => {
    const t = await newTenant(platform);
    const me = await platform.call('GET', `/v1/me?minPosition=${t.position}`, { token: t.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'user', email: t.email, tenantRole: 'owner' });
  });
});
