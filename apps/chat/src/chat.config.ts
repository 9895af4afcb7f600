import { BaseEnv, HttpEnv, SecretsEnv, envBool, envInt, loadConfig } from '@ragstream/config';
import { PriceTable } from '@ragstream/llm';
import { EmbeddingEnvShape, checkEmbeddingEnv } from '@ragstream/rag';
import { z } from 'zod';
import { LlmEnvShape, checkLlmEnv, jsonEnv } from './config/llm-providers.env';

// Queries are embedded with the same settings the projector indexes with, so both sides must agree.
export const ChatEnv = BaseEnv.extend(SecretsEnv.shape)
  .extend(HttpEnv.shape)
  .extend(EmbeddingEnvShape)
  .extend(LlmEnvShape)
  .extend({
    PORT: z.coerce.number().int().default(3004),
    /** US dollars per million tokens, keyed `provider/model`, `model` or `provider/*`: `{"gpt-4o-mini":{"inputPerMTok":0.15,"outputPerMTok":0.6}}`. */
    LLM_PRICES: jsonEnv(PriceTable),
    /** Tokens a workspace may spend per UTC month (prompt + completion); 0 means unlimited. */
    CHAT_TOKEN_QUOTA_PER_WORKSPACE: envInt(0),
    /** The models' context window: the prompt (instructions, sources, history, question) and the answer share it. */
    CHAT_CONTEXT_TOKENS: z.coerce.number().int().min(512).default(8192),
    /** Kept free for the answer, and sent as the answer's token limit. */
    CHAT_MAX_ANSWER_TOKENS: z.coerce.number().int().min(16).default(700),
    /** At most this much of the prompt for earlier turns (default: a quarter of the room). */
    CHAT_HISTORY_TOKENS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).optional()),
    CHAT_RETRIEVAL_K: z.coerce.number().int().min(1).max(20).default(6),
    CHAT_RETRIEVAL_MODE: z.enum(['hybrid', 'vector', 'lexical']).default('hybrid'),
    /** How often a model may call search_knowledge before it must answer. */
    CHAT_MAX_TOOL_ROUNDS: z.coerce.number().int().min(0).max(10).default(3),
    CHAT_TOOLS_ENABLED: envBool(true),
  })
  .superRefine(checkEmbeddingEnv)
  .superRefine(checkLlmEnv);
export type ChatConfig = z.infer<typeof ChatEnv>;

/** Parsed once at boot: a bad setting stops the process with every problem listed. */
export const loadChatConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(ChatEnv, env);
