import type { Principal } from '@ragstream/auth';
import type { ProviderAttempt } from '@ragstream/contracts';
import type { WorkspaceAccess } from '@ragstream/domain';
import type { GroundingSource, PromptMessage, ProviderCitation, ToolSpec } from '@ragstream/llm';
import type { CommandContext } from '@ragstream/platform';
import type { ToolCallViewData } from '../ask/turn-sink';

/** Everything one model turn needs: who asks, where, the prompt and the tools offered. */
export interface TurnPlan {
  readonly principal: Principal;
  readonly ctx: CommandContext;
  readonly access: WorkspaceAccess;
  readonly conversationId: string;
  readonly workspaceId: string;
  /** The user message this turn answers. */
  readonly replyTo: string;
  readonly question: string;
  readonly messages: readonly PromptMessage[];
  readonly sources: readonly GroundingSource[];
  readonly tools: readonly ToolSpec[];
  readonly startedAt: number;
}

export interface TurnUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
  readonly estimated: boolean;
}

/** What the model produced for a turn, before citations, cost and the record. */
export interface TurnOutput {
  readonly text: string;
  readonly provider: string;
  readonly model: string;
  readonly attempts: ProviderAttempt[];
  readonly finishReason: string;
  readonly usage: TurnUsage;
  /** Citations the provider made itself (the extractive answerer). */
  readonly providerCitations?: readonly ProviderCitation[];
  /** The turn's sources: the prompt's, plus any a tool retrieved. */
  readonly sources: readonly GroundingSource[];
  readonly toolCalls: ToolCallViewData[];
  /** Milliseconds from the turn's start to the first token, if any came. */
  readonly firstTokenMs: number | null;
}
