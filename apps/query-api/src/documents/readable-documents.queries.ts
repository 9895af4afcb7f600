import { Injectable } from '@nestjs/common';
import type { Principal } from '@ragstream/auth';
import { DomainError } from '@ragstream/domain';
import { WorkspaceAccess } from './workspace-access.queries';

export const documentNotFound = () => new DomainError('DOCUMENT.NOT_FOUND', 'not-found', 'no such document');

/** The one answer for a document that is missing, deleted, another tenant's or in a workspace the caller cannot read. */
@Injectable()
export class ReadableDocuments {
  constructor(private readonly access: WorkspaceAccess) {}

  /** The row when it was found in a workspace the caller may read; DOCUMENT.NOT_FOUND otherwise. */
  async orNotFound<T extends { workspace_id: string }>(principal: Principal, row: T | undefined): Promise<T> {
    if (!row || !(await this.access.canRead(principal, row.workspace_id))) throw documentNotFound();
    return row;
  }
}
