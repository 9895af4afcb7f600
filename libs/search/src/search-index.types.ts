/** Filterable facts of a document, copied onto each of its chunks. */
export interface DocumentFilterFields {
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, string | number | boolean>>;
  readonly sourceType: 'upload' | 'text' | 'url';
  readonly format: string;
  /** When the document was created or ingested (ISO string or Date). */
  readonly documentDate: string | Date;
}

/** Where a chunk sits in its document, for citations. */
export interface ChunkAnchors {
  /** Character offsets into the extracted text. */
  readonly start: number;
  readonly end: number;
  readonly headingPath: readonly string[];
  readonly page?: number;
  readonly pageEnd?: number;
  readonly startMs?: number;
  readonly endMs?: number;
}

/** One chunk ready for the index: text, anchors, vector and analysed terms, computed elsewhere. */
export interface ChunkToIndex extends DocumentFilterFields, ChunkAnchors {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly documentId: string;
  readonly documentVersion: number;
  readonly chunkIndex: number;
  readonly text: string;
  readonly tokenCount: number;
  /** Unit-length embedding of the index version's dimension. */
  readonly embedding: Float32Array;
  /** Analysed term -> frequency in this chunk. */
  readonly terms: ReadonlyMap<string, number>;
  /** Number of analysed terms (sum of frequencies): BM25's document length. */
  readonly length: number;
}

/** The stream position of the commit behind a write, recorded on the rows it touches. */
export interface WriteContext {
  readonly position?: number;
}
