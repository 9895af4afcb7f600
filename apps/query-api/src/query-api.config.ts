import { BaseEnv, HttpEnv, SecretsEnv, loadConfig } from '@ragstream/config';
import { EmbeddingEnvShape, checkEmbeddingEnv } from '@ragstream/rag';
import { z } from 'zod';

// Queries are embedded with the same settings the projector indexes with, so both sides must agree.
export const QueryApiEnv = BaseEnv.extend(SecretsEnv.shape)
  .extend(HttpEnv.shape)
  .extend(EmbeddingEnvShape)
  .extend({
    PORT: z.coerce.number().int().default(3002),
  })
  .superRefine(checkEmbeddingEnv);
export type QueryApiConfig = z.infer<typeof QueryApiEnv>;

export const loadQueryApiConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(QueryApiEnv, env);
