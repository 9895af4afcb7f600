import { randomUUID } from 'node:crypto';
import type { DocumentEvent, DocumentFormat, SourceType } from '@ragstream/contracts';
import type { ContentStore, JetStreamEventStore } from '@ragstream/event-store';

export interface SeedContent {
  readonly body: string | Uint8Array;
  readonly format?: DocumentFormat;
  readonly type?: SourceType;
  readonly mediaType?: string;
  readonly fileName?: string;
  readonly url?: string;
}

export interface SeedDocument extends SeedContent {
  readonly title: string;
  readonly tags?: string[];
  readonly metadata?: Record<string, string | number | boolean>;
}

/** A seeded document as the log knows it, and where its last commit landed. */
export interface Seeded {
  readonly documentId: string;
  readonly workspaceId: string;
  title: string;
  revision: number;
  version: number;
  /** Stream position of the document's last commit: the expected sequence of the next one. */
  position: number;
}

/**
 * Writes document commits straight into the log, content first, as the command side does: the
 * query side is tested against the real projector without depending on the document routes.
 */
export class DocumentSeeder {
  constructor(
    private readonly store: JetStreamEventStore,
    private readonly content: ContentStore,
    private readonly tenantId: string,
    private readonly userId: string,
  ) {}

  async ingest(workspaceId: string, doc: SeedDocument): Promise<Seeded> {
    const seeded: Seeded = { documentId: randomUUID(), workspaceId, title: doc.title, revision: 0, version: 0, position: 0 };
    const data = { workspaceId, title: doc.title, source: await this.source(doc), tags: doc.tags ?? [], metadata: doc.metadata ?? {}, revision: 1 };
    await this.append(seeded, { type: 'document.ingested', data });
    seeded.revision = 1;
    return seeded;
  }

  async revise(doc: Seeded, content: SeedContent): Promise<number> {
    const revision = doc.revision + 1;
    await this.append(doc, { type: 'document.revised', data: { source: await this.source(content), revision, title: doc.title } });
    doc.revision = revision;
    return doc.position;
  }

  async remove(doc: Seeded): Promise<number> {
    await this.append(doc, { type: 'document.deleted', data: {} });
    return doc.position;
  }

  private async source(c: SeedContent) {
    const bytes = typeof c.body === 'string' ? Buffer.from(c.body, 'utf8') : c.body;
    const ref = await this.content.put(bytes);
    const type = c.type ?? 'text';
    return { type, format: c.format ?? 'text', mediaType: c.mediaType ?? 'text/plain', fileName: c.fileName, url: c.url, content: ref };
  }

  private async append(doc: Seeded, event: DocumentEvent): Promise<void> {
    const result = await this.store.append({
      tenantId: this.tenantId,
      aggregateType: 'document',
      aggregateId: doc.documentId,
      expectedSequence: doc.position,
      expectedVersion: doc.version,
      events: [event],
      context: { commitId: randomUUID(), actor: { type: 'user', id: this.userId }, correlationId: randomUUID(), occurredAt: new Date() },
    });
    doc.position = result.position;
    doc.version = result.version;
  }
}
