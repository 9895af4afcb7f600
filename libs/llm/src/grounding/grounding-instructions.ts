import type { GroundingSource } from '../chat/chat-provider.types';

/** The default system instructions of a grounded answer. */
export const GROUNDING_INSTRUCTIONS = [
  'You answer questions about the documents of this workspace.',
  'Answer only from the numbered sources below; do not use outside knowledge.',
  'After each statement, cite the sources that support it as [n], e.g. [1] or [2, 3].',
  'If the sources do not contain the answer, say so plainly in one sentence and do not guess.',
].join('\n');

/** One source as the model reads it: `[n] Title (p. 3, 01:02-01:30)` then its text. */
export function formatSource(source: GroundingSource): string {
  const where = [pageLabel(source), timeLabel(source)].filter((part) => part !== null);
  const heading = `[${source.id}] ${source.title || 'Untitled'}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
  return `${heading}\n${source.text}`;
}

function pageLabel({ page, pageEnd }: GroundingSource): string | null {
  if (page === null) return null;
  return pageEnd !== null && pageEnd !== page ? `pp. ${page}-${pageEnd}` : `p. ${page}`;
}

function timeLabel({ startMs, endMs }: GroundingSource): string | null {
  if (startMs === null) return null;
  return endMs !== null && endMs !== startMs ? `${clock(startMs)}-${clock(endMs)}` : clock(startMs);
}

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const mmss = `${h > 0 ? String(m).padStart(2, '0') : m}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
