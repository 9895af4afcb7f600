import { envInt } from '@ragstream/config';
import { z } from 'zod';

/** Per-workspace limits and URL fetching settings of the command API. */
export const DocumentLimitsEnvShape = {
  /** Largest upload, text body or fetched URL, in bytes. */
  DOCUMENT_MAX_BYTES: envInt(25 * 1024 * 1024),
  WORKSPACE_MAX_DOCUMENTS: envInt(10_000),
  WORKSPACE_MAX_CHUNKS: envInt(500_000),
  URL_FETCH_TIMEOUT_MS: envInt(15_000),
  URL_FETCH_MAX_REDIRECTS: envInt(5),
  /** Hosts or CIDRs that URL ingestion may reach although they are private (comma-separated). */
  URL_FETCH_ALLOW_LIST: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
};

export interface DocumentLimits {
  readonly DOCUMENT_MAX_BYTES: number;
  readonly WORKSPACE_MAX_DOCUMENTS: number;
  readonly WORKSPACE_MAX_CHUNKS: number;
  readonly URL_FETCH_TIMEOUT_MS: number;
  readonly URL_FETCH_MAX_REDIRECTS: number;
  readonly URL_FETCH_ALLOW_LIST: string[];
}

export const DOCUMENT_LIMITS = Symbol('DOCUMENT_LIMITS');
