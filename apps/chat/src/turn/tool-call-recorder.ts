import { Injectable } from '@nestjs/common';
import { ToolName } from '@ragstream/contracts';
import type { GroundingSource, PromptMessage, ToolCall } from '@ragstream/llm';
import type { ToolCallViewData, TurnSink } from '../ask/turn-sink';
import { ConversationCommands } from '../conversations/conversation-commands';
import { ToolRegistry } from '../tools/tool-registry';
import type { TurnPlan } from './turn.types';

const MAX_RESULT_CHARS = 16_000;

/** What a round of tool calls led to: replies for the model, new sources, or a pause for approval. */
export interface ToolStep {
  readonly paused: boolean;
  readonly views: ToolCallViewData[];
  readonly replies: PromptMessage[];
  readonly sources: GroundingSource[];
}

/**
 * Records each tool call the model makes (requested, completed) in the conversation. Tools that need
 * no approval run at once; the first one that needs approval is recorded as pending and pauses the turn.
 */
@Injectable()
export class ToolCallRecorder {
  constructor(
    private readonly registry: ToolRegistry,
    private readonly commands: ConversationCommands,
  ) {}

  async handle(plan: TurnPlan, sources: readonly GroundingSource[], calls: readonly ToolCall[], sink: TurnSink, round: number): Promise<ToolStep> {
    const step: ToolStep = { paused: false, views: [], replies: [], sources: [] };
    const immediate = calls.filter((c) => !this.registry.get(c.name)?.requiresApproval);
    const needsApproval = calls.find((c) => this.registry.get(c.name)?.requiresApproval);
    for (const [index, call] of immediate.entries()) {
      const known = [...sources, ...step.sources];
      const result = await this.registry.run(call.name, { ...toolContext(plan), sources: known }, call.arguments);
      const content = result.result.slice(0, MAX_RESULT_CHARS);
      if (ToolName.safeParse(call.name).success) {
        const toolCallId = plan.ctx.id(`tool-call:${round}:${index}`);
        await this.request(plan, toolCallId, call, false);
        await this.commands.execute(plan.ctx, plan.conversationId, plan.access, 'CompleteToolCall', { toolCallId, outcome: result.outcome, result: content }, `tool-done:${toolCallId}`);
        const view = this.view(plan, toolCallId, call, false, result.outcome === 'ok' ? 'completed' : 'failed', content);
        step.views.push(view);
        sink.toolCall(view);
      }
      step.sources.push(...(result.sources ?? []));
      step.replies.push({ role: 'tool', toolCallId: call.id, content });
    }
    if (needsApproval) {
      const toolCallId = plan.ctx.id(`tool-call:${round}:approval`);
      await this.request(plan, toolCallId, needsApproval, true);
      const view = this.view(plan, toolCallId, needsApproval, true, 'pending', null);
      step.views.push(view);
      sink.toolCall(view);
      return { ...step, paused: true };
    }
    return step;
  }

  private request(plan: TurnPlan, toolCallId: string, call: ToolCall, requiresApproval: boolean) {
    const requiredRole = this.registry.get(call.name)?.requiredRole ?? 'reader';
    const data = { toolCallId, replyTo: plan.replyTo, tool: call.name, arguments: { ...call.arguments }, requiresApproval, requiredRole };
    return this.commands.execute(plan.ctx, plan.conversationId, plan.access, 'RequestToolCall', data, `tool-request:${toolCallId}`);
  }

  private view(plan: TurnPlan, toolCallId: string, call: ToolCall, requiresApproval: boolean, status: ToolCallViewData['status'], result: string | null): ToolCallViewData {
    const requiredRole = this.registry.get(call.name)?.requiredRole ?? 'reader';
    return { toolCallId, replyTo: plan.replyTo, tool: call.name, arguments: { ...call.arguments }, requiresApproval, requiredRole, status, result };
  }
}

function toolContext(plan: TurnPlan) {
  return { principal: plan.principal, conversationId: plan.conversationId, workspaceId: plan.workspaceId };
}
