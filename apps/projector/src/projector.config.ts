import { BaseEnv, HttpEnv, loadConfig } from '@ragstream/config';
import { checkEmbeddingEnv } from '@ragstream/rag';
import { IndexingEnvShape } from '@ragstream/read-models';
import { z } from 'zod';

export const ProjectorEnv = BaseEnv.extend(HttpEnv.shape)
  .extend(IndexingEnvShape)
  .extend({
    PORT: z.coerce.number().int().default(3003),
    PROJECTION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(256),
    PROJECTION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    /** Events per transaction when the projector rebuilds a projection itself (a new fingerprint or version). */
    PROJECTION_REBUILD_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
    /** How often failed-but-retryable documents are looked for, and how long after failing they are retried. */
    REINDEX_RETRY_INTERVAL_MS: z.coerce.number().int().min(10).default(15_000),
    REINDEX_RETRY_AFTER_MS: z.coerce.number().int().min(0).default(60_000),
  })
  .superRefine(checkEmbeddingEnv);
export type ProjectorConfig = z.infer<typeof ProjectorEnv>;

export const loadProjectorConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(ProjectorEnv, env);
