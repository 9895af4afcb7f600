import { apiKeyEvents } from './api-key.events';
import { emailReservationEvents } from './email-reservation.events';
import { EventRegistry, type EventOf } from './event-registry';
import { sessionEvents } from './session.events';
import { tenantEvents } from './tenant.events';
import { userEvents } from './user.events';
import { workspaceEvents } from './workspace.events';

export * from './api-key.events';
export * from './email-reservation.events';
export * from './identity.schemas';
export * from './session.events';
export * from './tenant.events';
export * from './user.events';
export * from './workspace.events';

/** Every event of identity and tenancy: e-mail reservations, users, tenants, workspaces, API keys, sessions. */
export const identityEvents = [
  ...emailReservationEvents,
  ...userEvents,
  ...tenantEvents,
  ...workspaceEvents,
  ...apiKeyEvents,
  ...sessionEvents,
] as const;
export type IdentityEvent = EventOf<(typeof identityEvents)[number]>;

/** A registry holding only the identity events; apps register further definitions on it as they need. */
export function identityEventRegistry(): EventRegistry {
  return new EventRegistry(identityEvents);
}
