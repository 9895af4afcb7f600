import type { SqlQueryable } from '@ragstream/search';

/**
 * Titles of the hit documents, from the search read model itself so they match the indexed chunks
 * (a rename reaches both in the same projection).
 */
export async function hitTitles(db: SqlQueryable, tenantId: string, documentIds: readonly string[]): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const rows: { document_id: string; title: string }[] = await db.query(
    `SELECT document_id, title FROM index_status WHERE tenant_id = $1 AND document_id = ANY($2::text[])`,
    [tenantId, [...new Set(documentIds)]],
  );
  return new Map(rows.map((r) => [r.document_id, r.title]));
}
