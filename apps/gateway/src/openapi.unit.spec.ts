import { mergeOpenApi, type OpenApiDocument } from './openapi';

const doc = (paths: OpenApiDocument['paths'], schemas: Record<string, unknown>, tags: string[]): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 'x', version: '1.0.0' },
  paths,
  components: { schemas },
  tags: tags.map((name) => ({ name })),
});

describe('mergeOpenApi', () => {
  const command = doc({ '/v1/workspaces': { post: { operationId: 'createWorkspace' } } }, { Problem: { type: 'object' }, CreateWorkspace: {} }, ['workspaces']);
  const query = doc({ '/v1/workspaces': { get: { operationId: 'listWorkspaces' } }, '/v1/search': { post: {} } }, { Problem: { type: 'string' }, Workspace: {} }, ['workspaces', 'search']);

  it('merges operations of one path from different services', () => {
    const merged = mergeOpenApi([command, query]);
    expect(Object.keys(merged.paths!['/v1/workspaces']).sort()).toEqual(['get', 'post']);
    expect(merged.paths!['/v1/search']).toEqual({ post: {} });
  });

  it('keeps every component once, the first definition winning', () => {
    const merged = mergeOpenApi([command, query]);
    expect(Object.keys(merged.components!.schemas).sort()).toEqual(['CreateWorkspace', 'Problem', 'Workspace']);
    expect(merged.components!.schemas.Problem).toEqual({ type: 'object' });
    expect(merged.tags).toEqual([{ name: 'workspaces' }, { name: 'search' }]);
  });

  it('points at the gateway and lists services that did not answer', () => {
    const merged = mergeOpenApi([command], ['chat']);
    expect(merged.servers).toEqual([{ url: '/' }]);
    expect(merged['x-unavailable']).toEqual(['chat']);
    expect(mergeOpenApi([])).toMatchObject({ openapi: '3.1.0', paths: {} });
  });
});
