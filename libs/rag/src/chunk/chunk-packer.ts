import type { ExtractedDocument, TextBlock } from '../extract/extracted-document';
import type { Chunk, ResolvedChunkOptions } from './chunk';
import { commonPrefixLength } from './sections';
import { splitSentences } from '@ragstream/text';
import { estimateTokens, tokenSpans } from './token-estimate';

/** A contiguous span placed in a chunk: a whole block, a sentence of one, or a run of words. */
interface Unit {
  readonly start: number;
  readonly end: number;
  readonly tokens: number;
  readonly block: TextBlock;
  readonly role: 'content' | 'heading' | 'overlap';
  readonly level: 'block' | 'sentence' | 'words';
}

/**
 * Packs the blocks of one document into chunks under a token budget. Whole blocks first; a block
 * that cannot fit even in a fresh chunk is split into sentences, a sentence into runs of words.
 * A heading never ends a chunk: it moves on with the content it introduces.
 */
export class ChunkPacker {
  readonly chunks: Chunk[] = [];
  private units: Unit[] = [];
  private tokens = 0;

  constructor(
    private readonly doc: ExtractedDocument,
    private readonly options: ResolvedChunkOptions,
  ) {}

  /** Tokens of real content in the open chunk (headings and carried overlap excluded). */
  get contentTokens(): number {
    return this.units.reduce((sum, unit) => sum + (unit.role === 'content' ? unit.tokens : 0), 0);
  }

  /** Adds a block; headings are kept with what follows them. */
  add(block: TextBlock, asHeading: boolean): void {
    const tokens = estimateTokens(this.doc.text, block.start, block.end);
    this.place({ start: block.start, end: block.end, tokens, block, role: asHeading ? 'heading' : 'content', level: 'block' });
  }

  /** Closes the open chunk without overlap: a new (sub)section starts. */
  breakHere(): void {
    if (this.contentTokens > 0) this.flush(false, 0);
  }

  /** Closes the open chunk and forgets any carried units: the next block is in another top-level section. */
  endSection(): void {
    this.breakHere();
    this.units = [];
    this.tokens = 0;
  }

  private place(unit: Unit): void {
    if (this.tokens + unit.tokens <= this.options.maxTokens) return this.push(unit);
    // A heading starts new material: overlap from before it would only blur the boundary.
    if (this.contentTokens > 0) this.flush(unit.role !== 'heading', unit.tokens);
    if (this.tokens + unit.tokens <= this.options.maxTokens) return this.push(unit);
    if (unit.level === 'block') {
      const sentences = splitSentences(this.doc.text, unit.start, unit.end, unit.block.kind === 'code');
      if (sentences.length > 1) {
        for (const s of sentences) this.place({ ...unit, ...s, tokens: estimateTokens(this.doc.text, s.start, s.end), level: 'sentence' });
        return;
      }
    }
    this.placeWords(unit);
  }

  /** Last resort for a sentence longer than the room left: cut between words, without overlap. */
  private placeWords(unit: Unit): void {
    const spans = tokenSpans(this.doc.text, unit.start, unit.end);
    for (let i = 0; i < spans.length; ) {
      let room = this.options.maxTokens - this.tokens;
      if (room <= 0) {
        this.emit(this.units);
        this.units = [];
        this.tokens = 0;
        room = this.options.maxTokens;
      }
      const piece = spans.slice(i, i + room);
      this.push({ ...unit, start: piece[0].start, end: piece[piece.length - 1].end, tokens: piece.length, level: 'words' });
      i += piece.length;
      if (i < spans.length) this.flush(false, 0);
    }
  }

  private push(unit: Unit): void {
    this.units.push(unit);
    this.tokens += unit.tokens;
  }

  private flush(withOverlap: boolean, nextTokens: number): void {
    const carried: Unit[] = [];
    while (this.units.length > 0 && this.units[this.units.length - 1].role === 'heading') carried.unshift(this.units.pop()!);
    const emitted = this.units;
    if (emitted.length > 0) this.emit(emitted);
    this.units = carried.length > 0 || !withOverlap ? carried : this.overlapFrom(emitted, nextTokens);
    this.tokens = this.units.reduce((sum, unit) => sum + unit.tokens, 0);
  }

  /**
   * Whole trailing sentences of the chunk just closed, within the overlap budget, the room the
   * next unit leaves, and half the closed chunk's content (so no chunk repeats another).
   */
  private overlapFrom(previous: readonly Unit[], nextTokens: number): Unit[] {
    const content = previous.reduce((sum, unit) => sum + (unit.role === 'heading' ? 0 : unit.tokens), 0);
    const budget = Math.min(this.options.overlapTokens, this.options.maxTokens - nextTokens, Math.floor(content / 2));
    const carried: Unit[] = [];
    let used = 0;
    for (let u = previous.length - 1; u >= 0; u--) {
      const unit = previous[u];
      // A run of words is no whole sentence, and nothing before a heading belongs here.
      if (unit.role === 'heading' || unit.level === 'words') return carried;
      const sentences = splitSentences(this.doc.text, unit.start, unit.end, unit.block.kind === 'code');
      for (let s = sentences.length - 1; s >= 0; s--) {
        const tokens = estimateTokens(this.doc.text, sentences[s].start, sentences[s].end);
        if (used + tokens > budget) return carried;
        carried.unshift({ ...unit, ...sentences[s], tokens, role: 'overlap', level: 'sentence' });
        used += tokens;
      }
    }
    return carried;
  }

  private emit(units: readonly Unit[]): void {
    const start = units[0].start;
    const end = units[units.length - 1].end;
    const text = this.doc.text.slice(start, end);
    const content = units.filter((unit) => unit.role === 'content');
    const paths = (content.length > 0 ? content : units).map((unit) => unit.block.headingPath);
    const headingPath = paths[0].slice(0, commonPrefixLength(paths));
    const pages = units.map((unit) => unit.block.page).filter((page): page is number => page !== undefined);
    const starts = units.map((unit) => unit.block.startMs).filter((ms): ms is number => ms !== undefined);
    const ends = units.map((unit) => unit.block.endMs).filter((ms): ms is number => ms !== undefined);
    this.chunks.push({
      index: this.chunks.length,
      text,
      start,
      end,
      tokenCount: estimateTokens(text),
      headingPath,
      ...(pages.length > 0 && { page: pages[0], pageEnd: Math.max(...pages) }),
      ...(starts.length > 0 && { startMs: starts[0] }),
      ...(ends.length > 0 && { endMs: ends[ends.length - 1] }),
    });
  }
}
