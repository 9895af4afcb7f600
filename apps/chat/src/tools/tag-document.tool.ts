import { Inject, Injectable } from '@nestjs/common';
import { Tags } from '@ragstream/contracts';
import { documentDecider, type DocumentCommand } from '@ragstream/domain';
import type { CommandExecutor } from '@ragstream/event-store';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import { z } from 'zod';
import { ConversationAccess } from '../conversations/conversation-access';
import { ConversationCommands } from '../conversations/conversation-commands';
import { toolError, type ChatTool, type ToolContext, type ToolResult } from './chat-tool';

const Args = z.object({ documentId: z.uuid(), tags: Tags.min(1) });

/**
 * Adds tags to a document of the conversation's workspace: a real change, so it waits for a member
 * holding 'editor' to approve, and runs as that member (the document decider checks the role again).
 */
@Injectable()
export class TagDocumentTool implements ChatTool {
  readonly requiresApproval = true;
  readonly requiredRole = 'editor' as const;
  readonly spec = {
    name: 'tag_document',
    description: 'Add tags to a document of this workspace (needs approval by an editor). Use the documentId of a source.',
    parameters: {
      type: 'object',
      properties: { documentId: { type: 'string', format: 'uuid' }, tags: { type: 'array', items: { type: 'string' }, minItems: 1 } },
      required: ['documentId', 'tags'],
    },
  };

  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    private readonly access: ConversationAccess,
    private readonly commands: ConversationCommands,
  ) {}

  async run(context: ToolContext, args: Readonly<Record<string, unknown>>): Promise<ToolResult> {
    const parsed = Args.safeParse(args);
    if (!parsed.success) return toolError('invalid arguments', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    const { documentId, tags } = parsed.data;
    const { state } = await this.executor.state(documentDecider, context.principal.tenantId, documentId);
    // Only documents of the conversation's own workspace: a tool must not reach past it.
    if (!state.exists || state.deleted || state.workspaceId !== context.workspaceId) return toolError('no such document in this workspace', { documentId });
    const access = await this.access.workspace(context.principal, context.workspaceId);
    const merged = [...new Set([...state.tags, ...tags])];
    const ctx = this.commands.context(context.principal, `tool:tag_document:${context.conversationId}:${documentId}`);
    const command = { type: 'LabelDocument', data: { access, tags: merged }, metadata: ctx.metadata() } as DocumentCommand;
    const result = await this.executor.execute(documentDecider, command, { tenantId: ctx.tenantId, aggregateId: documentId, context: ctx.commit('document') });
    return { outcome: 'ok', result: JSON.stringify({ documentId, tags: merged, position: result.position }) };
  }
}
