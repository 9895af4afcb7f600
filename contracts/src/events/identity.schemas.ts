import { z } from 'zod';

/**
 * Personal data as ciphertext sealed with a per-user key outside the domain; erasing the key
 * erases the data, so events stay immutable and still forget people.
 */
export const Sealed = z.string().startsWith('pii:v1:');
export type Sealed = z.infer<typeof Sealed>;

/** A timestamp as events carry it: ISO 8601 in UTC. */
export const Timestamp = z.iso.datetime();

/** Lower-case hex SHA-256 (or HMAC-SHA256) digest. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex characters');

/** A display name: tenants, workspaces, API keys. */
export const DisplayName = z.string().min(1).max(200);

export const TenantRole = z.enum(['owner', 'admin', 'member']);
export type TenantRole = z.infer<typeof TenantRole>;

/** Workspace roles, highest first. */
export const WorkspaceRole = z.enum(['owner', 'admin', 'editor', 'reader']);
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

export const ApiKeyScope = z.enum(['read', 'write', 'admin']);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;
