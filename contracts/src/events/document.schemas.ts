import { z } from 'zod';
import { Sha256Hex } from './identity.schemas';

/** The formats the indexer reads. */
export const DocumentFormat = z.enum(['text', 'markdown', 'html', 'pdf', 'vtt', 'srt', 'json', 'csv']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/** How the content arrived. */
export const SourceType = z.enum(['upload', 'text', 'url']);
export type SourceType = z.infer<typeof SourceType>;

/** Bytes in the object store, addressed by their sha256. */
export const ContentReference = z.object({ sha256: Sha256Hex, size: z.number().int().nonnegative() });
export type ContentReference = z.infer<typeof ContentReference>;

export const DocumentTitle = z.string().trim().min(1).max(300);
export const Tag = z.string().trim().min(1).max(64).regex(/^[^\s,][^,]*$/, 'must not contain commas or start with a space');
export const Tags = z.array(Tag).max(32);
export const MetadataKey = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 characters of [A-Za-z0-9_.-]');
export const MetadataValue = z.union([z.string().max(500), z.number().finite(), z.boolean()]);
export const DocumentMetadata = z.record(MetadataKey, MetadataValue).refine((m) => Object.keys(m).length <= 32, 'at most 32 keys');
export type DocumentMetadata = z.infer<typeof DocumentMetadata>;

/** One revision's content and how to read it. */
export const DocumentSource = z.object({
  type: SourceType,
  format: DocumentFormat,
  mediaType: z.string().max(200),
  fileName: z.string().max(255).optional(),
  url: z.url().max(2048).optional(),
  content: ContentReference,
});
export type DocumentSource = z.infer<typeof DocumentSource>;
