import type { ChatEvent, ChatProvider, ChatTurnRequest, ProviderCitation } from '../chat/chat-provider.types';
import type { CountTokens } from '../grounding/prompt.types';
import { contentTerms } from '../grounding/text/content-terms';
import { estimateTokens } from '../tokens/token-estimate';
import { NO_ANSWER_TEXT, markedSentence, stitchAnswer } from './answer-text';
import { sentenceCandidates } from './sentence-candidates';
import { scoreCandidates } from './sentence-scoring';
import { selectSentences } from './sentence-selection';

const MAX_SENTENCES = 4;
// About a paragraph: enough for a definition and its qualification, short enough to read at a glance.
const MAX_ANSWER_CHARS = 700;

export interface ExtractiveAnswererOptions {
  /** How usage and `maxTokens` are counted; default the shared cl100k estimate. */
  readonly countTokens?: CountTokens;
}

/** The built-in provider: answers by quoting the best supporting sentences of the sources. No network, deterministic. */
export class ExtractiveAnswerer implements ChatProvider {
  readonly name = 'extractive';
  readonly model = 'ragstream-extractive-v1';
  readonly supportsTools = false;
  private readonly countTokens: CountTokens;

  constructor(options: ExtractiveAnswererOptions = {}) {
    this.countTokens = options.countTokens ?? estimateTokens;
  }

  /** Streams the stitched answer word by word, then `done` with its citations (or `no_answer`). */
  async stream(request: ChatTurnRequest, signal?: AbortSignal): Promise<AsyncIterable<ChatEvent>> {
    if (signal?.aborted) throw signal.reason;
    const { text, citations } = this.answer(request);
    const usage = this.usage(request, text);
    const finishReason = citations.length > 0 ? 'stop' : 'no_answer';
    return emit(text, { type: 'done', finishReason, usage, citations }, signal);
  }

  private answer(request: ChatTurnRequest): { text: string; citations: ProviderCitation[] } {
    const scored = scoreCandidates(contentTerms(request.question), sentenceCandidates(request.sources));
    const maxTokens = request.maxTokens ?? Number.POSITIVE_INFINITY;
    const chosen = selectSentences(scored, {
      maxSentences: MAX_SENTENCES,
      fits: (picked, next) => {
        const text = [...picked, next].map(markedSentence).join(' ');
        return text.length <= MAX_ANSWER_CHARS && this.countTokens(text) <= maxTokens;
      },
    });
    return chosen.length > 0 ? stitchAnswer(chosen) : { text: NO_ANSWER_TEXT, citations: [] };
  }

  // What the answerer read (question and sources) and wrote, as the shared estimate counts it.
  private usage(request: ChatTurnRequest, answer: string) {
    const promptTokens = this.countTokens(request.question) + request.sources.reduce((sum, s) => sum + this.countTokens(s.text), 0);
    const completionTokens = this.countTokens(answer);
    return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
  }
}

async function* emit(text: string, done: ChatEvent, signal?: AbortSignal): AsyncGenerator<ChatEvent> {
  for (const piece of text.match(/\S+\s*/g) ?? []) {
    // Checked before every piece, so a cancelled turn stops mid-answer as a remote model would.
    if (signal?.aborted) throw signal.reason;
    yield { type: 'token', text: piece };
  }
  if (signal?.aborted) throw signal.reason;
  yield done;
}
