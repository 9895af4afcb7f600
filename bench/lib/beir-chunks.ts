// BEIR documents as the API ingests them, and the chunks the search projection makes of them,
// for the writes that bypass the API (the raw baseline and the scale phase's direct path).
import { analyze, chunkDocument, DEFAULT_MAX_TOKENS, DEFAULT_OVERLAP_RATIO, extractDocument, indexText, termFrequencies, type OfflineEmbedder } from '@ragstream/rag';
import type { ChunkToIndex } from '@ragstream/search';
import type { BeirDocument } from './beir';

export interface IngestBody {
  readonly title: string;
  readonly text: string;
  readonly format: 'markdown';
  readonly metadata: Record<string, string>;
}

const TITLE_MAX = 300; // DocumentTitle in contracts

/** `# title\n\ntext` as Markdown, the BEIR id in the metadata; an empty title becomes the id. */
export function ingestBody(doc: BeirDocument): IngestBody {
  const heading = (doc.title.replace(/\s+/g, ' ').trim() || doc.id).slice(0, 2000);
  return { title: heading.slice(0, TITLE_MAX).trim(), text: `# ${heading}\n\n${doc.text}`, format: 'markdown', metadata: { beirId: doc.id } };
}

/** Who a chunk belongs to, and the document facts copied onto it. */
export interface ChunkOwner {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly documentId: string;
  readonly documentDate: Date;
}

/**
 * What the search projection's prepare step makes of an ingest body with the default settings:
 * the Markdown extractor, the chunker (384 tokens, 12% overlap), the title header, the analyser
 * and the offline embedder.
 */
export async function chunksOf(body: IngestBody, owner: ChunkOwner, embedder: OfflineEmbedder): Promise<ChunkToIndex[]> {
  const doc = await extractDocument(Buffer.from(body.text, 'utf8'), 'markdown');
  const chunks = chunkDocument(doc, { maxTokens: DEFAULT_MAX_TOKENS, overlapRatio: DEFAULT_OVERLAP_RATIO });
  return chunks.map((c) => {
    const text = indexText(c, body.title);
    const terms = analyze(text);
    return {
      ...owner,
      documentVersion: 1,
      chunkIndex: c.index,
      text: c.text,
      tokenCount: c.tokenCount,
      start: c.start,
      end: c.end,
      headingPath: c.headingPath,
      tags: [],
      metadata: body.metadata,
      sourceType: 'text',
      format: 'markdown',
      embedding: embedder.embed(text),
      terms: termFrequencies(terms),
      length: terms.length,
    };
  });
}
