import { BaseEnv, SecretsEnv, envInt, loadConfig } from '@ragstream/config';
import { checkEmbeddingEnv } from '@ragstream/rag';
import { IndexingEnvShape } from '@ragstream/read-models';
import { z } from 'zod';

export const AdminEnv = BaseEnv.extend({
  /** The projector's own setting (apps/projector): both set the consumers' max_ack_pending and would undo each other. */
  PROJECTION_BATCH_SIZE: envInt(256),
  /** The apps' key wrapping personal data; needed only by `users forget` and `--reveal`. */
  PII_MASTER_KEY: SecretsEnv.shape.PII_MASTER_KEY.optional(),
});
export type AdminConfig = z.infer<typeof AdminEnv>;

/** Parsed when a command runs, so `--help` works with a broken environment. */
export const loadAdminConfig = (env: Record<string, string | undefined> = process.env): AdminConfig => loadConfig(AdminEnv, env);

/** What building the projection catalog needs (the projector's indexing settings), parsed only by the commands that build it. */
export const AdminIndexingEnv = z.object({ CONTENT_BUCKET: BaseEnv.shape.CONTENT_BUCKET, ...IndexingEnvShape }).superRefine(checkEmbeddingEnv);
export type AdminIndexingConfig = z.infer<typeof AdminIndexingEnv>;

export const loadAdminIndexingConfig = (env: Record<string, string | undefined> = process.env): AdminIndexingConfig => loadConfig(AdminIndexingEnv, env);
