import type { Principal } from '@ragstream/auth';
import type { ChatCompletionRequest, OpenAiMessage } from '@ragstream/contracts';
import { invalid } from '@ragstream/domain';
import type { HistoryTurn } from '@ragstream/llm';
import type { z } from 'zod';

const WORKSPACE_MODEL = /^(?:workspace:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** What an OpenAI-compatible request asks, in Ragstream's terms. */
export interface CompletionAsk {
  readonly workspaceId: string;
  readonly question: string;
  readonly history: HistoryTurn[];
}

const textOf = (m: z.infer<typeof OpenAiMessage>) => (typeof m.content === 'string' ? m.content : (m.content ?? []).map((p) => p.text).join('\n')).trim();

/**
 * The workspace is the model (`workspace:<id>` or the bare id), else the API key's own workspace; the
 * last user message is the question and the user and assistant turns before it the history (system
 * messages are left out: the grounding instructions are Ragstream's).
 */
export function completionAsk(principal: Principal, body: z.infer<typeof ChatCompletionRequest>): CompletionAsk {
  const named = WORKSPACE_MODEL.exec(body.model)?.[1]?.toLowerCase();
  const workspaceId = named ?? (principal.kind === 'apikey' ? principal.workspaceId : null);
  if (!workspaceId) {
    throw invalid('CHAT.MODEL_UNKNOWN', "name the workspace as the model, 'workspace:<id>' (GET /v1/models lists them), or use a key bound to a workspace", {
      model: body.model,
    });
  }
  const lastUser = body.messages.map((m) => m.role).lastIndexOf('user');
  const question = lastUser < 0 ? '' : textOf(body.messages[lastUser]);
  if (!question) throw invalid('CHAT.NO_QUESTION', 'the messages need a user message with text, the question');
  const history = body.messages
    .slice(0, lastUser)
    .filter((m): m is typeof m & { role: 'user' | 'assistant' } => m.role === 'user' || m.role === 'assistant')
    .map((m) => ({ role: m.role, content: textOf(m) }))
    .filter((m) => m.content.length > 0);
  return { workspaceId, question: question.slice(0, 16_000), history };
}
