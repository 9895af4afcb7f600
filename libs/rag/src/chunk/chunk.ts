/** A retrievable piece of a document; `text` is `doc.text.slice(start, end)`. */
export interface Chunk {
  /** 0-based position in the document's chunk list. */
  readonly index: number;
  readonly text: string;
  /** Character offsets into `ExtractedDocument.text`. */
  readonly start: number;
  readonly end: number;
  /** Estimated word-piece tokens of `text` (see `estimateTokens`). */
  readonly tokenCount: number;
  /** Headings enclosing every block of the chunk, outermost first. */
  readonly headingPath: readonly string[];
  /** First and last page the chunk's blocks start on (paged formats). */
  readonly page?: number;
  readonly pageEnd?: number;
  /** Start of the first cue and end of the last cue (transcripts). */
  readonly startMs?: number;
  readonly endMs?: number;
}

export interface ChunkOptions {
  /** Token budget per chunk, overlap included. */
  readonly maxTokens?: number;
  /** Share of the budget carried over, as whole sentences, when a section continues in a new chunk. */
  readonly overlapRatio?: number;
  /** A sub-heading starts a new chunk once the current one holds this many tokens; smaller sections merge forward. */
  readonly minTokens?: number;
}

/**
 * 384 estimated tokens is about 450-520 real BPE/WordPiece tokens: within the 512-token window
 * of common small embedding models even after a contextual header, and close to the 256-512
 * range that chunking studies find best for passage retrieval.
 */
export const DEFAULT_MAX_TOKENS = 384;
export const DEFAULT_OVERLAP_RATIO = 0.12;

/** Bump whenever the chunker's output for the same input and options changes: it is part of the index version. */
export const CHUNKER_VERSION = 'ragstream-chunker-1';

/** Options with defaults applied. */
export interface ResolvedChunkOptions {
  readonly maxTokens: number;
  readonly overlapTokens: number;
  readonly minTokens: number;
}

/** Applies the defaults and checks the options. */
export function resolveChunkOptions(options: ChunkOptions = {}): ResolvedChunkOptions {
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  if (!Number.isInteger(maxTokens) || maxTokens < 16) throw new RangeError('maxTokens must be an integer >= 16');
  const ratio = options.overlapRatio ?? DEFAULT_OVERLAP_RATIO;
  if (!(ratio >= 0 && ratio < 0.5)) throw new RangeError('overlapRatio must be in [0, 0.5)');
  const minTokens = options.minTokens ?? Math.floor(maxTokens / 4);
  return { maxTokens, overlapTokens: Math.floor(maxTokens * ratio), minTokens };
}

/** The chunker identity plus the options that shape its output, for the index version. */
export function chunkingFingerprint(options: ChunkOptions = {}): string {
  const { maxTokens, overlapTokens, minTokens } = resolveChunkOptions(options);
  return `${CHUNKER_VERSION}/max${maxTokens}/overlap${overlapTokens}/min${minTokens}`;
}
