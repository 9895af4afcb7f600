import { invalid } from '@ragstream/domain';
import type { SqlParams } from './sql-params';
import type { SearchFilters } from './search-query.types';

const METADATA_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$/;

/** SQL conditions (joined by AND, each prefixed with `alias.`) for the filters; values go to `params`. */
export function filterConditions(filters: SearchFilters | undefined, params: SqlParams, alias: string): string[] {
  if (!filters) return [];
  const c = (column: string) => `${alias}.${column}`;
  const conditions: string[] = [];
  if (filters.tags?.all?.length) conditions.push(`${c('tags')} @> ${params.add(filters.tags.all, 'text[]')}`);
  // An empty "any" list matches nothing, like an empty IN list.
  if (filters.tags?.any) conditions.push(`${c('tags')} && ${params.add(filters.tags.any, 'text[]')}`);
  if (filters.metadata && Object.keys(filters.metadata).length) {
    conditions.push(`${c('metadata')} @> ${params.add(JSON.stringify(checkedMetadata(filters.metadata)), 'jsonb')}`);
  }
  if (filters.documentIds) conditions.push(`${c('document_id')} = ANY(${params.add(filters.documentIds, 'text[]')})`);
  if (filters.sourceTypes) conditions.push(`${c('source_type')} = ANY(${params.add(filters.sourceTypes, 'text[]')})`);
  if (filters.formats) conditions.push(`${c('format')} = ANY(${params.add(filters.formats, 'text[]')})`);
  if (filters.from !== undefined) conditions.push(`${c('document_date')} >= ${params.add(isoDate(filters.from, 'from'), 'timestamptz')}`);
  if (filters.to !== undefined) conditions.push(`${c('document_date')} <= ${params.add(isoDate(filters.to, 'to'), 'timestamptz')}`);
  return conditions;
}

// Containment on scalars is equality; an object or array value would turn it into a partial match.
function checkedMetadata(metadata: Readonly<Record<string, unknown>>): Record<string, unknown> {
  for (const [key, value] of Object.entries(metadata)) {
    if (!METADATA_KEY.test(key)) throw invalid('SEARCH.INVALID_FILTER', `metadata filter key ${JSON.stringify(key)} is not allowed`, { key });
    if (!['string', 'number', 'boolean'].includes(typeof value) || (typeof value === 'number' && !Number.isFinite(value))) {
      throw invalid('SEARCH.INVALID_FILTER', `metadata filter ${key} must be a string, finite number or boolean`, { key });
    }
  }
  return metadata;
}

function isoDate(value: string, field: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw invalid('SEARCH.INVALID_FILTER', `filter ${field} is not an ISO 8601 date: ${JSON.stringify(value)}`, { field });
  return new Date(time).toISOString();
}
