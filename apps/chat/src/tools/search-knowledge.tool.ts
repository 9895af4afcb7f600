import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { ChatConfig } from '../chat.config';
import { Retriever } from '../retrieval/retriever';
import { CHAT_CONFIG } from '../tokens';
import { toolError, type ChatTool, type ToolContext, type ToolResult } from './chat-tool';

const Args = z.object({ query: z.string().trim().min(1).max(500), k: z.number().int().min(1).max(10).optional() });

/** Searches the conversation's workspace again with the model's own query; the passages join the turn's citable sources. */
@Injectable()
export class SearchKnowledgeTool implements ChatTool {
  readonly requiresApproval = false;
  readonly requiredRole = 'reader' as const;
  readonly spec = {
    name: 'search_knowledge',
    description: 'Search the documents of this workspace. Returns numbered passages; cite them with their [n] marker.',
    parameters: {
      type: 'object',
      properties: { query: { type: 'string', description: 'what to look for' }, k: { type: 'integer', minimum: 1, maximum: 10 } },
      required: ['query'],
    },
  };

  constructor(
    private readonly retriever: Retriever,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
  ) {}

  async run(context: ToolContext, args: Readonly<Record<string, unknown>>): Promise<ToolResult> {
    const parsed = Args.safeParse(args);
    if (!parsed.success) return toolError('invalid arguments', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    const found = await this.retriever.retrieve({
      tenantId: context.principal.tenantId,
      workspaceId: context.workspaceId,
      query: parsed.data.query,
      k: parsed.data.k ?? this.config.CHAT_RETRIEVAL_K,
      mode: this.config.CHAT_RETRIEVAL_MODE,
    });
    // Passages already in the prompt keep their number; new ones continue the numbering and join the turn's sources.
    const known = new Map(context.sources.map((s) => [keyOf(s), s.id]));
    let next = Math.max(0, ...context.sources.map((s) => s.id));
    const numbered = found.map((s) => ({ ...s, id: known.get(keyOf(s)) ?? ++next }));
    const sources = numbered.filter((s) => !known.has(keyOf(s)));
    const passages = numbered.map((s) => ({ id: s.id, title: s.title, text: s.text }));
    return { outcome: 'ok', result: JSON.stringify({ passages }), sources };
  }
}

const keyOf = (s: { documentId: string; revision: number; chunkIndex: number }) => `${s.documentId}#${s.revision}#${s.chunkIndex}`;
