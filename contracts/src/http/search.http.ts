import { z } from 'zod';
import { DocumentFormat, MetadataKey, MetadataValue, SourceType } from '../events/document.schemas';
import { defineRoute } from './route-contract';

export const SearchMode = z.enum(['hybrid', 'vector', 'lexical']);

export const SearchFilters = z
  .object({
    tags: z.object({ all: z.array(z.string().max(64)).max(32).optional(), any: z.array(z.string().max(64)).max(32).optional() }).optional(),
    metadata: z.record(MetadataKey, MetadataValue).optional().describe('equality on each key'),
    documentIds: z.array(z.uuid()).max(1000).optional(),
    sourceTypes: z.array(SourceType).optional(),
    formats: z.array(DocumentFormat).optional(),
    from: z.iso.datetime({ offset: true }).optional().describe('documents ingested at or after'),
    to: z.iso.datetime({ offset: true }).optional().describe('documents ingested at or before'),
  })
  .strict();

export const SearchRequest = z
  .object({
    query: z.string().trim().min(1).max(2000),
    workspaceIds: z.array(z.uuid()).min(1).max(50).optional().describe('defaults to every workspace the caller can read'),
    k: z.number().int().min(1).max(100).default(10),
    mode: SearchMode.default('hybrid'),
    filters: SearchFilters.optional(),
    minPosition: z.number().int().nonnegative().optional(),
  })
  .strict();

export const SearchHit = z.object({
  documentId: z.uuid(),
  workspaceId: z.uuid(),
  title: z.string(),
  revision: z.number().int(),
  chunkIndex: z.number().int(),
  text: z.string(),
  score: z.number(),
  scores: z.object({
    lexical: z.object({ score: z.number(), rank: z.number().int() }).nullable(),
    vector: z.object({ score: z.number(), rank: z.number().int() }).nullable(),
  }),
  anchor: z.object({
    start: z.number().int(),
    end: z.number().int(),
    page: z.number().int().nullable(),
    pageEnd: z.number().int().nullable(),
    startMs: z.number().int().nullable(),
    endMs: z.number().int().nullable(),
    headingPath: z.array(z.string()),
  }),
});

export const search = defineRoute({
  method: 'post',
  path: '/v1/search',
  summary: 'Hybrid (vector + BM25, fused by reciprocal rank), vector or lexical search over the caller’s workspaces',
  tags: ['search'],
  auth: { scope: 'read' },
  headers: ['X-Min-Position'],
  body: SearchRequest,
  response: z.object({ hits: z.array(SearchHit), model: z.string(), tookMs: z.number() }),
  status: 200,
});
