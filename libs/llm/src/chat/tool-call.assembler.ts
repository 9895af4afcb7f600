import { ProviderResponseError } from '../provider.errors';
import type { ChatToolCallDelta } from '../openai/chat-tools.types';
import type { ToolCall } from './chat-provider.types';

interface Pending {
  id?: string;
  name?: string;
  arguments: string;
}

/** Joins streamed tool call fragments by index and parses each call's arguments once the stream is over. */
export class ToolCallAssembler {
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly provider: string) {}

  /** Adds the fragments of one chunk: id and name are taken once, argument text is appended. */
  add(deltas: readonly ChatToolCallDelta[]): void {
    for (const delta of deltas) {
      const call = this.pending.get(delta.index) ?? { arguments: '' };
      call.id ??= delta.id;
      call.name ??= delta.name;
      call.arguments += delta.arguments;
      this.pending.set(delta.index, call);
    }
  }

  /** The calls in index order; a call without a name, or whose arguments are not a JSON object, is a ProviderResponseError. */
  finish(): ToolCall[] {
    return [...this.pending.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => {
        if (!call.name) throw new ProviderResponseError(this.provider, `tool call #${index} has no function name`);
        return { id: call.id ?? `call_${index}`, name: call.name, arguments: this.parse(call.name, call.arguments) };
      });
  }

  private parse(name: string, text: string): Record<string, unknown> {
    // Models call argument-less tools with an empty string as often as with `{}`.
    if (!text.trim()) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    throw new ProviderResponseError(this.provider, `arguments of tool call ${name} are not a JSON object: ${text.slice(0, 200)}`);
  }
}
