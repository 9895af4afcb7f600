import type { DocumentEvent } from '@ragstream/contracts';
import type { Commit } from '@ragstream/event-store';
import type { Projection, SqlExecutor, TableNames } from '@ragstream/projections';
import { CHUNKER_VERSION, chunkingFingerprint } from '@ragstream/rag';
import type { DataSource } from 'typeorm';
import { indexRevision, type IndexerSettings, type IndexJob, type IndexOutcome } from './document-indexer';
import { applySearchEvent, type StatusContext } from './search.apply';
import { createSearchProjectionTables, PROGRESS_TABLE, searchProjectionTables, type SearchProjectionTable } from './search-projection.tables';

export interface SearchProjectionSettings extends IndexerSettings {
  /** For progress rows, written as embedding proceeds, outside the projection transaction. */
  readonly dataSource: DataSource;
}

/** Name and code version of the search index; the fingerprint adds the configuration. */
export const SEARCH_PROJECTION = { name: 'search', version: 1 } as const;

/** What prepare computed for each event of a commit (undefined for events that index nothing). */
type PreparedCommit = readonly (IndexOutcome | undefined)[];

/**
 * The search index: chunks with vectors and BM25 postings, maintained from document events. The
 * expensive part (extract, chunk, embed) runs in `prepare`, outside the transaction; `apply` only
 * writes. The fingerprint names the chunker and the embedding model, so changing either one is a
 * rebuild into fresh tables.
 */
export function createSearchProjection(settings: SearchProjectionSettings): Projection<SearchProjectionTable> {
  const { embedder } = settings;
  return {
    ...SEARCH_PROJECTION,
    fingerprint: `${CHUNKER_VERSION};${chunkingFingerprint(settings.chunking)};${embedder.model};dims=${embedder.dimensions}`,
    tables: searchProjectionTables,
    setup: (sql, t) => createSearchProjectionTables(sql, t, embedder.dimensions),
    async prepare(commits: readonly Commit[]) {
      const prepared = new Map<number, PreparedCommit>();
      for (const commit of commits) {
        if (commit.envelope.aggregateType !== 'document') continue;
        const outcomes: (IndexOutcome | undefined)[] = [];
        for (const event of commit.events) {
          const job = jobOf(commit, event as DocumentEvent);
          outcomes.push(job && (await indexRevision(settings, job, (done, total) => saveProgress(settings.dataSource, job, done, total))));
        }
        prepared.set(commit.position, outcomes);
      }
      return prepared;
    },
    async apply(sql: SqlExecutor, commit: Commit, t: TableNames<SearchProjectionTable>, prepared?: unknown) {
      const { envelope } = commit;
      if (envelope.aggregateType !== 'document') return;
      const outcomes = prepared as PreparedCommit | undefined;
      for (const [index, event] of commit.events.entries()) {
        const context: StatusContext = { tenantId: envelope.tenantId, documentId: envelope.aggregateId, position: commit.position, at: envelope.occurredAt };
        await applySearchEvent(sql, t, event as DocumentEvent, context, outcomes?.[index]);
      }
    },
  };
}

/** The revision an event asks to index, if any. */
function jobOf(commit: Commit, event: DocumentEvent): IndexJob | undefined {
  const { tenantId, aggregateId: documentId } = commit.envelope;
  switch (event.type) {
    case 'document.ingested':
    case 'document.revised':
    case 'document.reindex_requested':
      return { tenantId, documentId, revision: event.data.revision, title: event.data.title, source: event.data.source };
    default:
      return undefined;
  }
}

async function saveProgress(dataSource: DataSource, job: IndexJob, done: number, total: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO ${PROGRESS_TABLE} (tenant_id, document_id, revision, done, total) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, document_id, revision) DO UPDATE SET done = excluded.done, total = excluded.total, updated_at = now()`,
    [job.tenantId, job.documentId, job.revision, done, total],
  );
}
