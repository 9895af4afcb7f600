import type { Citation, FinishReason, ProviderAttempt, SourceChunk } from '@ragstream/contracts';
import { citationsFromAnswer, dropCitationIds, toCitationRecords, type GroundingSource } from '@ragstream/llm';
import type { SourceViewData } from '../ask/turn-sink';

const FINISH_REASONS: readonly FinishReason[] = ['stop', 'length', 'content_filter', 'no_answer', 'tool_approval', 'cancelled', 'failed'];

/** A provider's finish reason as the conversation records it (`tool_calls` ends a round, not a turn). */
export function finishReasonOf(reason: string): FinishReason {
  return (FINISH_REASONS as readonly string[]).includes(reason) ? (reason as FinishReason) : 'stop';
}

/** A source as events keep it: where it is, not its text. */
export function toSourceChunk(s: GroundingSource): SourceChunk {
  return {
    id: s.id,
    documentId: s.documentId,
    revision: s.revision,
    chunkIndex: s.chunkIndex,
    title: s.title.slice(0, 300),
    score: s.score,
    anchor: { start: s.start, end: s.end, page: s.page, pageEnd: s.pageEnd, startMs: s.startMs, endMs: s.endMs, headingPath: s.headingPath.slice(0, 16).map((h: string) => h.slice(0, 300)) },
  };
}

/** A source as a live answer shows it: where it is, and its text. */
export function toSourceView(s: GroundingSource): SourceViewData {
  return { ...toSourceChunk(s), text: s.text };
}

/**
 * The answer's citations: the provider's own (the extractive answerer), else one per [n] marker of
 * the text that names a source of the prompt. Markers naming anything else are removed from the text:
 * a citation never points at a chunk the model was not given.
 */
export function citeAnswer(text: string, sources: readonly GroundingSource[], providerCitations?: Parameters<typeof toCitationRecords>[0]): { content: string; citations: Citation[] } {
  const found = citationsFromAnswer(text, sources);
  const content = dropCitationIds(text, found.unknownMarkers);
  const citations = toCitationRecords(providerCitations ?? found.citations, sources);
  return { content, citations: dedupe(citations).slice(0, 128) };
}

/** Provider attempts as events keep them (bounded). */
export function attemptsOf(attempts: readonly ProviderAttempt[]): ProviderAttempt[] {
  return attempts.slice(-16).map((a) => ({ ...a, reason: a.reason?.slice(0, 500), ms: Math.max(0, Math.round(a.ms)) }));
}

function dedupe(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.sourceId}:${c.anchor.start}:${c.anchor.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
