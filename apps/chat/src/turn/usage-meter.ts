import { estimatePromptTokens, estimateTokens, type PromptMessage, type ToolSpec } from '@ragstream/llm';
import type { TurnUsage } from './turn.types';

/**
 * Tokens of a turn over all its rounds: as each provider reported them, else estimated (and the
 * total then says it is estimated).
 */
export class UsageMeter {
  private prompt = 0;
  private completion = 0;
  private estimated = false;

  add(messages: readonly PromptMessage[], tools: readonly ToolSpec[] | undefined, round: { text: string; done?: { usage?: { promptTokens: number; completionTokens: number } } }): void {
    const reported = round.done?.usage;
    if (reported) {
      this.prompt += reported.promptTokens;
      this.completion += reported.completionTokens;
      return;
    }
    this.estimated = true;
    this.prompt += estimatePromptTokens(messages, tools);
    this.completion += estimateTokens(round.text);
  }

  total(): TurnUsage {
    return { promptTokens: this.prompt, completionTokens: this.completion, totalTokens: this.prompt + this.completion, estimated: this.estimated };
  }
}
