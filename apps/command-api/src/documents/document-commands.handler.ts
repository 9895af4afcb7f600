import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@ragstream/auth';
import type { DocumentMetadata } from '@ragstream/contracts';
import { documentDecider, requireEditor, type DocumentCommand, type WorkspaceAccess } from '@ragstream/domain';
import type { CommandExecutor, ContentStore } from '@ragstream/event-store';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import { CommandContext } from '../commands/command-context';
import { CONTENT_STORE } from './content-store.provider';
import { DocumentAccess } from './document-access';
import type { Intake } from './document-intake';

type Data<T extends DocumentCommand['type']> = Omit<Extract<DocumentCommand, { type: T }>['data'], 'access'>;

/** Revise, label, move, delete and reindex a document: look up access, then the five steps. */
@Injectable()
export class DocumentCommandsHandler {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CONTENT_STORE) private readonly content: ContentStore,
    private readonly access: DocumentAccess,
  ) {}

  async revise(principal: Principal, documentId: string, intake: () => Promise<Intake>, key?: string, ifMatch?: number) {
    const { access } = await this.access.document(principal, documentId);
    requireEditor(access);
    const source = await intake();
    const content = await this.content.put(source.bytes);
    const data = { source: { type: source.type, format: source.format, mediaType: source.mediaType, fileName: source.fileName, url: source.url, content } };
    const result = await this.run(principal, documentId, access, 'ReviseDocument', data, key, ifMatch);
    return { ...result, documentId, duplicate: result.unchanged };
  }

  label(principal: Principal, documentId: string, data: { title?: string; tags?: string[]; metadata?: DocumentMetadata }, key?: string, ifMatch?: number) {
    return this.withAccess(principal, documentId, 'LabelDocument', data, key, ifMatch);
  }

  async move(principal: Principal, documentId: string, toWorkspaceId: string, key?: string, ifMatch?: number) {
    const target = await this.access.workspace(principal, toWorkspaceId);
    return this.withAccess(principal, documentId, 'MoveDocument', { target }, key, ifMatch);
  }

  delete(principal: Principal, documentId: string, key?: string, ifMatch?: number) {
    return this.withAccess(principal, documentId, 'DeleteDocument', {}, key, ifMatch);
  }

  reindex(principal: Principal, documentId: string, key?: string) {
    return this.withAccess(principal, documentId, 'RequestReindex', { reason: 'requested through the API' }, key);
  }

  private async withAccess<T extends DocumentCommand['type']>(principal: Principal, documentId: string, type: T, data: Data<T>, key?: string, ifMatch?: number) {
    const { access } = await this.access.document(principal, documentId);
    const { position, version } = await this.run(principal, documentId, access, type, data, key, ifMatch);
    return { position, version };
  }

  private async run<T extends DocumentCommand['type']>(principal: Principal, documentId: string, access: WorkspaceAccess, type: T, data: Data<T>, key?: string, ifMatch?: number) {
    const ctx = new CommandContext(principal.tenantId, actorOf(principal), `document:${type}:${documentId}`, key);
    const command = { type, data: { ...data, access }, metadata: ctx.metadata() } as DocumentCommand;
    const result = await this.executor.execute(documentDecider, command, {
      tenantId: principal.tenantId,
      aggregateId: documentId,
      context: ctx.commit('document'),
      expectedVersion: ifMatch,
    });
    return { position: result.position, version: result.version, revision: result.state.revision, unchanged: result.events.length === 0 && !result.replayed };
  }
}
