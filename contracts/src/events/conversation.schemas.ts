import { z } from 'zod';

export const ConversationTitle = z.string().trim().min(1).max(200);
export const MessageContent = z.string().min(1).max(16_000);

/** Where a chunk sits in its document: what a citation points at. */
export const ChunkAnchor = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  page: z.number().int().positive().nullable(),
  pageEnd: z.number().int().positive().nullable(),
  startMs: z.number().int().nonnegative().nullable(),
  endMs: z.number().int().nonnegative().nullable(),
  headingPath: z.array(z.string().max(300)).max(16),
});
export type ChunkAnchor = z.infer<typeof ChunkAnchor>;

/** A retrieved chunk that was put in the prompt; `id` ([n] in the prompt) is its 1-based place there. */
export const SourceChunk = z.object({
  id: z.number().int().positive(),
  documentId: z.uuid(),
  revision: z.number().int().positive(),
  chunkIndex: z.number().int().nonnegative(),
  title: z.string().max(300),
  score: z.number(),
  anchor: ChunkAnchor,
});
export type SourceChunk = z.infer<typeof SourceChunk>;

/** A passage of the answer backed by a source; `quote` is the supporting text, `start`/`end` its offsets in the document. */
export const Citation = z.object({
  sourceId: z.number().int().positive(),
  documentId: z.uuid(),
  revision: z.number().int().positive(),
  chunkIndex: z.number().int().nonnegative(),
  quote: z.string().max(2_000),
  anchor: ChunkAnchor,
});
export type Citation = z.infer<typeof Citation>;

export const TokenCounts = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  /** True when counted by our estimator because the provider reported nothing. */
  estimated: z.boolean(),
});
export type TokenCounts = z.infer<typeof TokenCounts>;

/** One provider tried for the turn, in chain order. */
export const ProviderAttempt = z.object({
  provider: z.string().max(100),
  model: z.string().max(200),
  outcome: z.enum(['answered', 'failed', 'skipped']),
  /** Why it failed or was skipped (breaker open, timeout, 5xx...). */
  reason: z.string().max(500).optional(),
  ms: z.number().int().nonnegative(),
});
export type ProviderAttempt = z.infer<typeof ProviderAttempt>;

export const FinishReason = z.enum(['stop', 'length', 'content_filter', 'no_answer', 'tool_approval', 'cancelled', 'failed']);
export type FinishReason = z.infer<typeof FinishReason>;

export const ToolName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be 1-64 characters of [a-z0-9_], starting with a letter');
/** Tool arguments as the model gave them (an object); the tool's own schema checks them before it runs. */
export const ToolArguments = z.record(z.string().max(64), z.unknown());
