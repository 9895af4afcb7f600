import type { Principal } from '@ragstream/auth';
import type { WorkspaceRole } from '@ragstream/contracts';
import type { GroundingSource, ToolSpec } from '@ragstream/llm';

/** Where a tool runs: the conversation's workspace, on behalf of whoever asked (or approved). */
export interface ToolContext {
  readonly principal: Principal;
  readonly conversationId: string;
  readonly workspaceId: string;
  /** Sources the turn holds so far; a tool that retrieves numbers its results after them. */
  readonly sources: readonly GroundingSource[];
  readonly signal?: AbortSignal;
}

/** What a tool gives back: JSON text for the model, and sources it adds to the turn (citable by their [n]). */
export interface ToolResult {
  readonly outcome: 'ok' | 'error';
  readonly result: string;
  readonly sources?: readonly GroundingSource[];
}

/** A tool the model may call. One that needs approval runs only once a member holding `requiredRole` approved it. */
export interface ChatTool {
  readonly spec: ToolSpec;
  readonly requiresApproval: boolean;
  readonly requiredRole: WorkspaceRole;
  run(context: ToolContext, args: Readonly<Record<string, unknown>>): Promise<ToolResult>;
}

/** A tool's failure as the model reads it. */
export const toolError = (message: string, details: Record<string, unknown> = {}): ToolResult => ({
  outcome: 'error',
  result: JSON.stringify({ error: message, ...details }),
});
