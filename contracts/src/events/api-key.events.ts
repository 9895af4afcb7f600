import { z } from 'zod';
import { defineEvent, type EventOf } from './event-registry';
import { ApiKeyScope, DisplayName, Timestamp } from './identity.schemas';

const Scopes = z
  .array(ApiKeyScope)
  .min(1)
  .refine((scopes) => new Set(scopes).size === scopes.length, 'scopes must be unique');

/** Aggregate `apikey`. Only a hash of the secret is kept; `prefix` is the public part used to find the key. */
export const ApiKeyCreated = defineEvent('apikey.created', [
  z.object({
    name: DisplayName,
    scopes: Scopes,
    workspaceId: z.uuid().nullable(),
    expiresAt: Timestamp.nullable(),
    prefix: z.string().min(1).max(64),
    secretHash: z.string().min(1).max(512),
    createdBy: z.uuid(),
  }),
]);
export const ApiKeyRevoked = defineEvent('apikey.revoked', [z.object({ reason: z.string().min(1).max(500).nullable() })]);

export const apiKeyEvents = [ApiKeyCreated, ApiKeyRevoked] as const;
export type ApiKeyEvent = EventOf<(typeof apiKeyEvents)[number]>;
