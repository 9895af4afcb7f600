import type { BenchPlatform } from './bench-platform';

/** A tenant's workspace and the API key the benchmark acts with. */
export interface SearchSession {
  readonly platform: BenchPlatform;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly auth: Record<string, string>;
}

/**
 * Signs up, then creates a write-scoped API key bound to the workspace: unlike an access token it
 * does not expire during a long run. The first use waits until the identity projection knows it.
 */
export async function openSearchSession(platform: BenchPlatform): Promise<SearchSession> {
  const { token, tenantId, workspaceId } = await platform.signUpAndLogIn();
  const owner = { authorization: `Bearer ${token}` };
  const created = await platform.commandClient.expect(201, 'POST', '/v1/api-keys', owner, { name: 'search bench', scopes: ['write'], workspaceId });
  const auth = { 'x-api-key': created.key as string };
  await platform.queryClient.expect(200, 'GET', '/v1/me', { ...auth, 'x-min-position': String(created.position) });
  return { platform, tenantId, workspaceId, auth };
}
