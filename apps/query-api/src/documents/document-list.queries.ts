import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@ragstream/auth';
import type { listDocuments, RouteInput } from '@ragstream/contracts';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { ReadModelGate } from '../read-models/read-model-gate';
import { DOCUMENT_COLUMNS, toSummary, type DocumentRow } from './document-row';
import { STATUS_JOINS, STATUS_STATE } from './document-status';
import { decodeCursor, encodeCursor } from './page-cursor';
import { WorkspaceAccess, workspaceNotFound } from './workspace-access.queries';

type Query = RouteInput<typeof listDocuments>['query'];

/** The documents of one workspace, newest first, in keyset pages. */
@Injectable()
export class DocumentListQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    private readonly gate: ReadModelGate,
    private readonly access: WorkspaceAccess,
  ) {}

  async list(principal: Principal, { params, query }: RouteInput<typeof listDocuments>, minPosition: number | undefined) {
    await this.gate.reach('documents', minPosition);
    if (!(await this.access.canRead(principal, params.workspaceId))) throw workspaceNotFound();
    const values: unknown[] = [principal.tenantId, params.workspaceId];
    const add = (value: unknown) => `$${values.push(value)}`;
    const conditions = ['d.tenant_id = $1', 'd.workspace_id = $2', 'd.deleted_at IS NULL', ...filters(query, add)];
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      conditions.push(`(d.created_at, d.document_id) < (${add(after.at)}::timestamptz, ${add(after.id)})`);
    }
    const rows: DocumentRow[] = await this.db.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d ${STATUS_JOINS}
       WHERE ${conditions.join(' AND ')} ORDER BY d.created_at DESC, d.document_id DESC LIMIT ${add(query.limit + 1)}`,
      values,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(toSummary), nextCursor: rows.length > query.limit && last ? encodeCursor(last.created_at, last.document_id) : null };
  }
}

function filters(query: Query, add: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  if (query.tag !== undefined) conditions.push(`d.tags @> ARRAY[${add(query.tag)}]::text[]`);
  if (query.sourceType) conditions.push(`d.source_type = ${add(query.sourceType)}`);
  if (query.format) conditions.push(`d.format = ${add(query.format)}`);
  if (query.status) conditions.push(`${STATUS_STATE} = ${add(query.status)}`);
  if (query.title) conditions.push(`d.title ILIKE ${add(`%${escapeLike(query.title)}%`)}`);
  return conditions;
}

// The title filter is a plain substring: wildcards a user types are matched literally.
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
