import { OpenAiCompatibleClient } from '@ragstream/llm';
import { OpenAiCompatibleEmbedder } from './openai-embedder';

const client = new OpenAiCompatibleClient({ baseUrl: 'http://127.0.0.1:9/v1' });
const make = (options: { dimensions?: number; queryPrefix?: string; documentPrefix?: string } = {}) =>
  new OpenAiCompatibleEmbedder({ client, model: 'e5-small', dimensions: 384, ...options });

describe('OpenAiCompatibleEmbedder identity', () => {
  it('reports the model as openai-compatible:<model> with the configured dimension', () => {
    expect(make()).toMatchObject({ model: 'openai-compatible:e5-small', dimensions: 384, cacheNamespace: 'openai-compatible:e5-small@384' });
  });

  it('gives every dimension and prefix setting its own cache namespace', () => {
    const namespaces = [make(), make({ dimensions: 256 }), make({ queryPrefix: 'query: ' }), make({ documentPrefix: 'query: ' })].map((e) => e.cacheNamespace);
    expect(new Set(namespaces).size).toBe(4);
  });

  it('refuses a dimension that is not a positive integer', () => {
    expect(() => make({ dimensions: 0 })).toThrow(RangeError);
  });
});
