/** A function the model may call, as OpenAI-compatible servers take it (sent as `{ type: 'function', function }`). */
export interface ChatTool {
  readonly name: string;
  readonly description: string;
  /** JSON schema of the arguments object. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** `auto` (the server's default), `none`, `required`, or one named function. */
export type ChatToolChoice = 'auto' | 'none' | 'required' | { readonly name: string };

/** A tool call on the wire: arguments are the model's JSON text, unparsed. */
export interface ChatToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/** A piece of a streamed tool call: `index` says which call; id and name come once, arguments in fragments to concatenate. */
export interface ChatToolCallDelta {
  readonly index: number;
  readonly id?: string;
  readonly name?: string;
  readonly arguments: string;
}

/** Maps tools and tool choice to the OpenAI wire fields. */
export function toolFieldsOf(tools: readonly ChatTool[] | undefined, choice: ChatToolChoice | undefined): Record<string, unknown> {
  if (!tools?.length) return {};
  return {
    tools: tools.map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.parameters } })),
    tool_choice: typeof choice === 'object' ? { type: 'function', function: { name: choice.name } } : choice,
  };
}

/** Maps a wire tool call to OpenAI's `{ id, type, function: { name, arguments } }`. */
export function toolCallWire(call: ChatToolCall): Record<string, unknown> {
  return { id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } };
}
