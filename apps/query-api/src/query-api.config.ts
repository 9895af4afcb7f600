import { BaseEnv, HttpEnv, SecretsEnv, loadConfig } from '@ragstream/config';
import { z } from 'zod';

export const QueryApiEnv = BaseEnv.extend(SecretsEnv.shape).extend(HttpEnv.shape).extend({
  PORT: z.coerce.number().int().default(3002),
});
export type QueryApiConfig = z.infer<typeof QueryApiEnv>;

export const loadQueryApiConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(QueryApiEnv, env);
