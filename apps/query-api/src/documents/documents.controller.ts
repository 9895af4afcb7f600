import { Controller, Res } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { downloadDocument, getDocument, listDocuments, type RouteInput } from '@ragstream/contracts';
import { Input, Route } from '@ragstream/platform';
import type { FastifyReply } from 'fastify';
import { DocumentContentQueries } from './document-content.queries';
import { DocumentDetailQueries } from './document-detail.queries';
import { DocumentListQueries } from './document-list.queries';
import { MinPosition } from './min-position.decorator';

@Controller()
export class DocumentsController {
  constructor(
    private readonly lists: DocumentListQueries,
    private readonly details: DocumentDetailQueries,
    private readonly contents: DocumentContentQueries,
  ) {}

  @Route(listDocuments)
  list(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof listDocuments>, @MinPosition() at?: number) {
    return this.lists.list(p, input, at);
  }

  @Route(getDocument)
  get(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof getDocument>, @MinPosition() at?: number) {
    return this.details.get(p, input, at);
  }

  @Route(downloadDocument)
  async download(
    @CurrentPrincipal() p: Principal,
    @Input() input: RouteInput<typeof downloadDocument>,
    @Res({ passthrough: true }) reply: FastifyReply,
    @MinPosition() at?: number,
  ) {
    const file = await this.contents.download(p, input, at);
    void reply.headers(file.headers);
    return file.bytes;
  }
}
