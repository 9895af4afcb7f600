import { envBool } from '@ragstream/config';
import { ResilienceOptions, resilienceEnvShape } from '@ragstream/llm';
import { z } from 'zod';

const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** A JSON-valued variable: parsed, then checked against `schema`, so a typo names the variable and the path. */
export const jsonEnv = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    try {
      return JSON.parse(String(value));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `is not JSON: ${(error as Error).message}` });
      return z.NEVER;
    }
  }, schema.optional());

/** One OpenAI-compatible chat endpoint of the chain. */
export const LlmProviderEntry = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 characters of [A-Za-z0-9_.-]'),
    baseUrl: z.url(),
    apiKey: z.string().optional(),
    model: z.string().min(1).max(200),
    supportsTools: z.boolean().default(true),
    /** Deadline for the first token once the stream opened; then for each silence between tokens. */
    firstTokenTimeoutMs: z.number().int().min(1).optional(),
    idleTimeoutMs: z.number().int().min(1).optional(),
    resilience: ResilienceOptions.partial().optional(),
  })
  .strict();
export type LlmProviderEntry = z.infer<typeof LlmProviderEntry>;

/** Chat model settings: a JSON list of providers, or one provider from LLM_BASE_URL / LLM_MODEL / LLM_API_KEY. */
export const LlmEnvShape = {
  LLM_PROVIDERS: jsonEnv(z.array(LlmProviderEntry).max(8)),
  LLM_BASE_URL: blankAsUnset(z.url()),
  LLM_MODEL: blankAsUnset(z.string().max(200)),
  LLM_API_KEY: blankAsUnset(z.string()),
  LLM_PROVIDER_NAME: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).default('llm'),
  LLM_SUPPORTS_TOOLS: envBool(true),
  LLM_FIRST_TOKEN_TIMEOUT_MS: blankAsUnset(z.coerce.number().int().min(1)),
  LLM_IDLE_TIMEOUT_MS: blankAsUnset(z.coerce.number().int().min(1)),
  /** LLM_TIMEOUT_MS, LLM_MAX_RETRIES, LLM_BREAKER_THRESHOLD, LLM_BREAKER_HALF_OPEN_MS, ... for the single provider. */
  ...resilienceEnvShape('LLM'),
  /** `{ "<workspace id>": ["provider name", ...] }`: a workspace's own chain (the extractive answerer still ends it). */
  LLM_WORKSPACE_PROVIDERS: jsonEnv(z.record(z.uuid(), z.array(z.string()).max(8))),
};

type LlmFields = {
  LLM_PROVIDERS?: LlmProviderEntry[];
  LLM_PROVIDER_NAME: string;
  LLM_BASE_URL?: string;
  LLM_MODEL?: string;
  LLM_WORKSPACE_PROVIDERS?: Record<string, string[]>;
};

/** Cross-field rules: one way of naming providers, a model with a base URL, unique names, known names per workspace. */
export function checkLlmEnv(config: LlmFields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (config.LLM_PROVIDERS && config.LLM_BASE_URL) issue('LLM_BASE_URL', 'set either LLM_PROVIDERS or LLM_BASE_URL, not both');
  if (config.LLM_BASE_URL && !config.LLM_MODEL) issue('LLM_MODEL', 'required with LLM_BASE_URL');
  const names = (config.LLM_PROVIDERS ?? []).map((p) => p.name);
  if (new Set(names).size !== names.length) issue('LLM_PROVIDERS', 'provider names must be unique');
  if (names.includes('extractive')) issue('LLM_PROVIDERS', "'extractive' is the built-in answerer's name");
  const known = new Set(config.LLM_BASE_URL ? [config.LLM_PROVIDER_NAME] : names);
  for (const [workspace, chain] of Object.entries(config.LLM_WORKSPACE_PROVIDERS ?? {})) {
    for (const name of chain) if (!known.has(name) && name !== 'extractive') issue('LLM_WORKSPACE_PROVIDERS', `${workspace}: unknown provider '${name}'`);
  }
}
