import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@ragstream/domain';
import type { ToolSpec } from '@ragstream/llm';
import { createLogger } from '@ragstream/observability';
import type { ChatConfig } from '../chat.config';
import { CHAT_CONFIG } from '../tokens';
import { toolError, type ChatTool, type ToolContext, type ToolResult } from './chat-tool';
import { SearchKnowledgeTool } from './search-knowledge.tool';
import { TagDocumentTool } from './tag-document.tool';

const log = createLogger('tools');

/** The tools models may call, by name; none when CHAT_TOOLS_ENABLED is off. */
@Injectable()
export class ToolRegistry {
  private readonly tools: ReadonlyMap<string, ChatTool>;

  constructor(search: SearchKnowledgeTool, tag: TagDocumentTool, @Inject(CHAT_CONFIG) config: ChatConfig) {
    const all: ChatTool[] = config.CHAT_TOOLS_ENABLED ? [search, tag] : [];
    this.tools = new Map(all.map((t) => [t.spec.name, t]));
  }

  get(name: string): ChatTool | undefined {
    return this.tools.get(name);
  }

  /** Specs to offer a model; `approvals` false leaves out tools that would pause the turn, `exclude` a rejected one. */
  specs(options: { approvals: boolean; exclude?: readonly string[] }): ToolSpec[] {
    return [...this.tools.values()]
      .filter((t) => (options.approvals || !t.requiresApproval) && !options.exclude?.includes(t.spec.name))
      .map((t) => t.spec);
  }

  /** Runs a tool; a refusal or failure becomes an error result the model can read, never a failed turn. */
  async run(name: string, context: ToolContext, args: Readonly<Record<string, unknown>>): Promise<ToolResult> {
    const tool = this.tools.get(name);
    if (!tool) return toolError(`unknown tool '${name}'`);
    try {
      return await tool.run(context, args);
    } catch (error) {
      if (error instanceof DomainError) return toolError(error.message, { code: error.code });
      log.error({ err: error, tool: name }, 'tool failed');
      return toolError('the tool failed');
    }
  }
}
