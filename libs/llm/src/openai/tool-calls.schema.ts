import { z } from 'zod';
import type { ChatToolCall, ChatToolCallDelta } from './chat-tools.types';

// Some servers (Ollama's native shape leaking through) send arguments as an object rather than JSON text.
const WireArguments = z.union([z.string(), z.record(z.string(), z.unknown())]);
const argumentsText = (value: z.infer<typeof WireArguments> | null | undefined) =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** A complete tool call in a non-streamed answer. */
export const WireToolCall = z.object({
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.object({ name: z.string(), arguments: WireArguments.nullish() }),
});

/** A fragment of a streamed tool call; servers that send whole calls in one chunk sometimes omit `index`. */
export const WireToolCallDelta = z.object({
  index: z.number().int().nonnegative().nullish(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.object({ name: z.string().nullish(), arguments: WireArguments.nullish() }).nullish(),
});

/** The calls of a completion, with an id made up for servers that omit it; undefined when there are none. */
export function toolCallsOf(wire: z.infer<typeof WireToolCall>[] | null | undefined): ChatToolCall[] | undefined {
  if (!wire?.length) return undefined;
  return wire.map((call, i) => ({ id: call.id || `call_${i}`, name: call.function.name, arguments: argumentsText(call.function.arguments) }));
}

/** The tool call fragments of a stream chunk; undefined when there are none. */
export function toolCallDeltasOf(wire: z.infer<typeof WireToolCallDelta>[] | null | undefined): ChatToolCallDelta[] | undefined {
  if (!wire?.length) return undefined;
  return wire.map((piece, i) => {
    const delta: { index: number; id?: string; name?: string; arguments: string } = { index: piece.index ?? i, arguments: argumentsText(piece.function?.arguments) };
    if (piece.id) delta.id = piece.id;
    if (piece.function?.name) delta.name = piece.function.name;
    return delta;
  });
}
