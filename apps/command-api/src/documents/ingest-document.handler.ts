import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@ragstream/auth';
import { DomainError, documentDecider, requireEditor, type IngestDocument } from '@ragstream/domain';
import type { DocumentMetadata } from '@ragstream/contracts';
import type { CommandExecutor, ContentStore } from '@ragstream/event-store';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import { CommandContext, uuidFrom } from '../commands/command-context';
import { DocumentAccess } from './document-access';
import type { Intake } from './document-intake';
import { CONTENT_STORE } from './content-store.provider';
import { WorkspaceQuota } from './workspace-quota';

export interface IngestRequest {
  readonly workspaceId: string;
  readonly title?: string;
  readonly tags: string[];
  readonly metadata: DocumentMetadata;
}

/**
 * Ingestion: check the caller and the quotas, store the bytes by sha256, append `document.ingested`.
 * The document id derives from (workspace, content), so the same bytes sent twice, even
 * concurrently, address one aggregate and the second answer says `duplicate`.
 */
@Injectable()
export class IngestDocumentHandler {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CONTENT_STORE) private readonly content: ContentStore,
    private readonly access: DocumentAccess,
    private readonly quota: WorkspaceQuota,
  ) {}

  async execute(principal: Principal, request: IngestRequest, intake: () => Promise<Intake>, key?: string) {
    const access = await this.access.workspace(principal, request.workspaceId);
    // Refuse before reading a large body or fetching a URL for someone who may not write here.
    requireEditor(access);
    await this.quota.checkRoomFor(principal.tenantId, request.workspaceId);
    const source = await intake();
    const ref = await this.content.put(source.bytes);
    const existing = await this.quota.sameContent(principal.tenantId, request.workspaceId, ref.sha256);
    if (existing) return { ...existing, duplicate: true };

    const ctx = new CommandContext(principal.tenantId, actorOf(principal), 'ingest-document', key);
    const command: IngestDocument = {
      type: 'IngestDocument',
      metadata: ctx.metadata(),
      data: {
        access,
        title: request.title ?? source.fileName ?? source.url ?? 'Untitled',
        source: { type: source.type, format: source.format, mediaType: source.mediaType, fileName: source.fileName, url: source.url, content: ref },
        tags: request.tags,
        metadata: request.metadata,
      },
    };
    const contentId = uuidFrom(`document\u0000${principal.tenantId}\u0000${request.workspaceId}\u0000${ref.sha256}`);
    try {
      return await this.run(command, contentId, ctx);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'DOCUMENT.EXISTS') throw error;
      // Live under that id: the same content, already here (the read model had not caught up).
      if (error.details?.workspaceId === request.workspaceId) {
        const { state, version } = await this.executor.state(documentDecider, principal.tenantId, contentId);
        return { documentId: contentId, revision: state.revision, version, position: 0, duplicate: true };
      }
      // That document moved to another workspace since: this copy is a new document.
      return this.run(command, ctx.id('document'), ctx);
    }
  }

  private async run(command: IngestDocument, documentId: string, ctx: CommandContext) {
    const result = await this.executor.execute(documentDecider, command, {
      tenantId: command.metadata.tenantId,
      aggregateId: documentId,
      context: ctx.commit('document'),
    });
    return { documentId, revision: result.state.revision, position: result.position, version: result.version, duplicate: false };
  }
}
