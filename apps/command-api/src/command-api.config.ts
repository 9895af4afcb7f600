import { BaseEnv, HttpEnv, SecretsEnv, loadConfig } from '@ragstream/config';
import { z } from 'zod';
import { DocumentLimitsEnvShape } from './documents/document-limits';

export const CommandApiEnv = BaseEnv.extend(SecretsEnv.shape).extend(HttpEnv.shape).extend({
  PORT: z.coerce.number().int().default(3001),
  INVITATION_TTL_HOURS: z.coerce.number().int().positive().default(72),
  ...DocumentLimitsEnvShape,
});
export type CommandApiConfig = z.infer<typeof CommandApiEnv>;

/** Parsed once at boot: a bad setting stops the process with every problem listed. */
export const loadCommandApiConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(CommandApiEnv, env);
