import type { Principal } from '@ragstream/auth';
import type { SearchFilters, SearchMode } from '@ragstream/contracts';
import type { WorkspaceAccess } from '@ragstream/domain';
import type { HistoryTurn, PromptMessage } from '@ragstream/llm';
import type { CommandContext } from '@ragstream/platform';
import type { z } from 'zod';

/** How to retrieve for a question; unset fields take the configured defaults. */
export interface RetrievalOptions {
  readonly mode?: z.infer<typeof SearchMode>;
  readonly k?: number;
  readonly filters?: z.infer<typeof SearchFilters>;
}

/** A question recorded in its conversation and ready to be answered (or an approved tool call ready to resume). */
export interface PreparedTurn {
  readonly principal: Principal;
  readonly ctx: CommandContext;
  readonly access: WorkspaceAccess;
  readonly conversationId: string;
  readonly workspaceId: string;
  readonly userMessageId: string;
  readonly question: string;
  /** Position of the last commit made while preparing (the question, or the tool decision). */
  readonly position: number;
  readonly retrieval: RetrievalOptions;
  /** Earlier turns given by the client (OpenAI-compatible calls); otherwise read from the conversation. */
  readonly history?: readonly HistoryTurn[];
  /** The read model holds every earlier turn once it reached this position (unset: nothing to wait for). */
  readonly historyAt?: number;
  /** Appended after the question: the paused answer's tool call and its result. */
  readonly resume?: readonly PromptMessage[];
  /** Tools that pause for approval are offered only where someone can approve them (not to OpenAI clients). */
  readonly approvals: boolean;
  readonly excludeTools?: readonly string[];
  readonly startedAt: number;
}
