import { Controller, Inject, Req } from '@nestjs/common';
import {
  deleteDocument,
  ingestDocument,
  labelDocument,
  moveDocument,
  reindexDocument,
  reviseDocument,
  uploadDocument,
  uploadRevision,
  type RouteInput,
} from '@ragstream/contracts';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { Header, Input, Route } from '@ragstream/platform';
import type { FastifyRequest } from 'fastify';
import { IfMatch } from '../commands/if-match.decorator';
import { DocumentCommandsHandler } from './document-commands.handler';
import { DocumentIntake } from './document-intake';
import { DOCUMENT_LIMITS, type DocumentLimits } from './document-limits';
import { IngestDocumentHandler } from './ingest-document.handler';
import { readMultipartUpload } from './multipart-upload';

@Controller()
export class DocumentsController {
  constructor(
    private readonly ingest: IngestDocumentHandler,
    private readonly documents: DocumentCommandsHandler,
    private readonly intake: DocumentIntake,
    @Inject(DOCUMENT_LIMITS) private readonly limits: DocumentLimits,
  ) {}

  @Route(ingestDocument)
  ingestTextOrUrl(@CurrentPrincipal() p: Principal, @Input() { params, body }: RouteInput<typeof ingestDocument>, @Header('idempotency-key') key?: string) {
    const { tags, metadata } = body;
    const intake = 'url' in body ? () => this.intake.fromUrl(body.url) : async () => this.intake.fromText(body.text, body.format);
    return this.ingest.execute(p, { workspaceId: params.workspaceId, title: body.title, tags, metadata }, intake, key);
  }

  @Route(uploadDocument)
  async upload(@CurrentPrincipal() p: Principal, @Input() { params }: RouteInput<typeof uploadDocument>, @Req() request: FastifyRequest, @Header('idempotency-key') key?: string) {
    const upload = await readMultipartUpload(request, this.limits.DOCUMENT_MAX_BYTES);
    const { title, tags, metadata } = upload;
    return this.ingest.execute(p, { workspaceId: params.workspaceId, title, tags, metadata }, async () => this.intake.fromUpload(upload.bytes, upload.mediaType, upload.fileName), key);
  }

  @Route(reviseDocument)
  revise(@CurrentPrincipal() p: Principal, @Input() { params, body }: RouteInput<typeof reviseDocument>, @Header('idempotency-key') key?: string, @IfMatch() v?: number) {
    const intake = 'url' in body ? () => this.intake.fromUrl(body.url) : async () => this.intake.fromText(body.text, body.format);
    return this.documents.revise(p, params.documentId, intake, key, v);
  }

  @Route(uploadRevision)
  async reviseUpload(@CurrentPrincipal() p: Principal, @Input() { params }: RouteInput<typeof uploadRevision>, @Req() request: FastifyRequest, @Header('idempotency-key') key?: string, @IfMatch() v?: number) {
    const upload = await readMultipartUpload(request, this.limits.DOCUMENT_MAX_BYTES);
    return this.documents.revise(p, params.documentId, async () => this.intake.fromUpload(upload.bytes, upload.mediaType, upload.fileName), key, v);
  }

  @Route(labelDocument)
  label(@CurrentPrincipal() p: Principal, @Input() { params, body }: RouteInput<typeof labelDocument>, @Header('idempotency-key') key?: string, @IfMatch() v?: number) {
    return this.documents.label(p, params.documentId, body, key, v);
  }

  @Route(moveDocument)
  move(@CurrentPrincipal() p: Principal, @Input() { params, body }: RouteInput<typeof moveDocument>, @Header('idempotency-key') key?: string, @IfMatch() v?: number) {
    return this.documents.move(p, params.documentId, body.workspaceId, key, v);
  }

  @Route(deleteDocument)
  delete(@CurrentPrincipal() p: Principal, @Input() { params }: RouteInput<typeof deleteDocument>, @Header('idempotency-key') key?: string, @IfMatch() v?: number) {
    return this.documents.delete(p, params.documentId, key, v);
  }

  @Route(reindexDocument)
  reindex(@CurrentPrincipal() p: Principal, @Input() { params }: RouteInput<typeof reindexDocument>, @Header('idempotency-key') key?: string) {
    return this.documents.reindex(p, params.documentId, key);
  }
}
