import { z } from 'zod';
import { Citation } from '../events/conversation.schemas';
import { defineRoute } from './route-contract';
import { SourceView } from './conversations.http';

const TextPart = z.object({ type: z.literal('text'), text: z.string() });

/** An OpenAI chat message; content parts other than text are refused. */
export const OpenAiMessage = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(TextPart)]).nullable().optional(),
  name: z.string().optional(),
});

/** The subset of OpenAI's chat completion request Ragstream reads; unknown fields are ignored, as OpenAI-compatible servers do. */
export const ChatCompletionRequest = z.object({
  model: z.string().min(1).max(200).describe('`workspace:<id>`, a workspace id, or anything else for the API key’s own workspace'),
  messages: z.array(OpenAiMessage).min(1).max(200),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().positive().optional(),
  max_completion_tokens: z.number().int().positive().optional(),
  user: z.string().optional(),
});

const Usage = z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int(), total_tokens: z.number().int() });

/** Ragstream's extension of a completion: where the answer came from. */
export const RagstreamExtension = z.object({
  conversationId: z.uuid(),
  messageId: z.uuid(),
  sources: z.array(SourceView),
  citations: z.array(Citation),
  provider: z.string(),
  finishReason: z.string(),
  costMicroUsd: z.number().int(),
  usageEstimated: z.boolean(),
  position: z.number().int(),
});

export const ChatCompletion = z.object({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({ role: z.literal('assistant'), content: z.string() }),
      finish_reason: z.string(),
    }),
  ),
  usage: Usage,
  ragstream: RagstreamExtension,
});

export const chatCompletions = defineRoute({
  method: 'post',
  path: '/v1/chat/completions',
  summary:
    'OpenAI-compatible chat completion, grounded in a workspace (the last user message is the question). `stream: true` answers `data: {chat.completion.chunk}` lines and `data: [DONE]`. Send the API key as `Authorization: Bearer rsk_...` or X-API-Key.',
  tags: ['chat', 'openai'],
  auth: { scope: 'write' },
  body: ChatCompletionRequest,
  response: ChatCompletion,
  status: 200,
});

export const listModels = defineRoute({
  method: 'get',
  path: '/v1/models',
  summary: 'OpenAI-compatible model list: every workspace the caller may read, as `workspace:<id>`',
  tags: ['chat', 'openai'],
  auth: { scope: 'read' },
  response: z.object({
    object: z.literal('list'),
    data: z.array(z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string(), name: z.string() })),
  }),
  status: 200,
});
