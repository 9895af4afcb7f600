import { envBool } from '@ragstream/config';
import { resilienceEnvShape } from '@ragstream/llm';
import { z } from 'zod';

// An empty value counts as unset, so compose or k8s can leave a variable blank.
const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Embedding settings, to spread into an app's env schema: `BaseEnv.extend(EmbeddingEnvShape).superRefine(checkEmbeddingEnv)`. */
export const EmbeddingEnvShape = {
  /** `offline`: built in, no network. `openai`: any OpenAI-compatible `/embeddings` endpoint. */
  EMBEDDING_PROVIDER: z.enum(['offline', 'openai']).default('offline'),
  /** Includes the API version, as OpenAI SDKs take it: `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`. */
  EMBEDDING_BASE_URL: blankAsUnset(z.url()),
  /** Bearer token; local servers need none. */
  EMBEDDING_API_KEY: blankAsUnset(z.string()),
  EMBEDDING_MODEL: blankAsUnset(z.string()),
  /** Vector length; required for `openai` (it is part of the index version), optional for `offline` (512). */
  EMBEDDING_DIMENSIONS: blankAsUnset(z.coerce.number().int().min(1).max(16_000)),
  EMBEDDING_BATCH_SIZE: z.coerce.number().int().min(1).max(2048).default(64),
  /** Requests in flight at once per embedding call. */
  EMBEDDING_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Send `dimensions` in requests, for models that shorten vectors on request (text-embedding-3). */
  EMBEDDING_REQUEST_DIMENSIONS: envBool(false),
  /** Prefixes some models need, e.g. e5: `query: ` and `passage: ` (quote them to keep the space). */
  EMBEDDING_QUERY_PREFIX: z.string().default(''),
  EMBEDDING_DOCUMENT_PREFIX: z.string().default(''),
  /** EMBEDDING_TIMEOUT_MS, EMBEDDING_MAX_RETRIES, EMBEDDING_BREAKER_THRESHOLD, ... */
  ...resilienceEnvShape('EMBEDDING'),
};

/** The fields the cross-field check reads. */
export interface EmbeddingProviderFields {
  readonly EMBEDDING_PROVIDER: 'offline' | 'openai';
  readonly EMBEDDING_BASE_URL?: string;
  readonly EMBEDDING_MODEL?: string;
  readonly EMBEDDING_DIMENSIONS?: number;
}

/** Settings the OpenAI-compatible provider cannot do without; [] when the config is usable. */
export function embeddingConfigIssues(config: EmbeddingProviderFields): { variable: string; message: string }[] {
  if (config.EMBEDDING_PROVIDER !== 'openai') return [];
  const required = ['EMBEDDING_BASE_URL', 'EMBEDDING_MODEL', 'EMBEDDING_DIMENSIONS'] as const;
  return required.filter((variable) => config[variable] === undefined).map((variable) => ({ variable, message: 'required when EMBEDDING_PROVIDER=openai' }));
}

/** Cross-field check for `.superRefine`, so a missing model or dimension fails at boot with the variable named. */
export function checkEmbeddingEnv(config: EmbeddingProviderFields, ctx: z.RefinementCtx): void {
  for (const issue of embeddingConfigIssues(config)) ctx.addIssue({ code: 'custom', path: [issue.variable], message: issue.message });
}

/** The embedding settings alone, checked. */
export const EmbeddingEnv = z.object(EmbeddingEnvShape).superRefine(checkEmbeddingEnv);
export type EmbeddingConfig = z.infer<typeof EmbeddingEnv>;
