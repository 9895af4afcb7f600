/** A tool call the fake model makes; object arguments are sent as JSON text. */
export interface FakeToolCall {
  readonly id?: string;
  readonly name: string;
  readonly arguments: string | Readonly<Record<string, unknown>>;
}

/** One scripted answer of the fake model: text, tool calls (streamed with arguments split across chunks), or both. */
export interface FakeReply {
  readonly text?: string;
  readonly toolCalls?: readonly FakeToolCall[];
  /** Defaults to `tool_calls` when there are tool calls, else `stop`. */
  readonly finishReason?: string;
  /** Streams this many chunks, then keeps the connection open without sending more (0: never a first chunk). */
  readonly stallAfterChunks?: number;
}

/** `count` words (`w1 w2 ...`); as `replyText` each word streams as one content chunk. */
export function fakeWords(count: number): string {
  return Array.from({ length: count }, (_, i) => `w${i + 1}`).join(' ');
}

type Chunk = Record<string, unknown>;
const USAGE = { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 };

/** The fake model's default answer: it echoes the last user message. */
export function fakeReply(body: { messages: { role: string; content: string | null }[] }): string {
  const lastUser = [...body.messages].reverse().find((m) => m.role === 'user');
  return `echo: ${lastUser?.content ?? ''}`;
}

const argumentsText = (call: FakeToolCall) => (typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments));
const callId = (call: FakeToolCall, index: number) => call.id ?? `call_${index + 1}`;
const finishOf = (reply: FakeReply) => reply.finishReason ?? (reply.toolCalls?.length ? 'tool_calls' : 'stop');

/** The non-streamed completion body for a reply. */
export function completionBody(model: string, reply: FakeReply): Chunk {
  const toolCalls = reply.toolCalls?.map((call, i) => ({ id: callId(call, i), type: 'function', function: { name: call.name, arguments: argumentsText(call) } }));
  const message = { role: 'assistant', content: reply.text ?? (toolCalls ? null : ''), ...(toolCalls ? { tool_calls: toolCalls } : {}) };
  return { id: 'cmpl-1', object: 'chat.completion', model, choices: [{ index: 0, message, finish_reason: finishOf(reply) }], usage: USAGE };
}

/** The SSE chunks for a reply: role, text word by word, each tool call's head then its arguments in three pieces, finish, usage. */
export function streamChunks(model: string, reply: FakeReply, includeUsage: boolean): Chunk[] {
  const chunk = (delta: object, finish: string | null = null) => ({ id: 'cmpl-1', object: 'chat.completion.chunk', model, choices: [{ index: 0, delta, finish_reason: finish }] });
  const chunks: Chunk[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of (reply.text ?? '').split(/(?<= )/).filter(Boolean)) chunks.push(chunk({ content: piece }));
  reply.toolCalls?.forEach((call, index) => {
    chunks.push(chunk({ tool_calls: [{ index, id: callId(call, index), type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const piece of thirds(argumentsText(call))) chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  chunks.push(chunk({}, finishOf(reply)));
  if (includeUsage) chunks.push({ id: 'cmpl-1', object: 'chat.completion.chunk', model, choices: [], usage: USAGE });
  return chunks;
}

function thirds(text: string): string[] {
  const step = Math.ceil(text.length / 3);
  return step === 0 ? [] : [text.slice(0, step), text.slice(step, 2 * step), text.slice(2 * step)].filter(Boolean);
}
