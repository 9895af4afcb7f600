import type { DomainCommand } from '../shared';

/** Token ids are the `jti` of refresh tokens; the handler mints them and the expiry. */
export type StartSession = DomainCommand<'StartSession', { userId: string; tokenId: string; expiresAt: string }>;
export type RefreshSession = DomainCommand<'RefreshSession', { presentedTokenId: string; newTokenId: string; expiresAt: string }>;
/** Logout by default; forgetting a user ends every session of theirs with `user_forgotten`. */
export type EndSession = DomainCommand<'EndSession', { reason?: 'logout' | 'user_forgotten' }>;

export type SessionCommand = StartSession | RefreshSession | EndSession;
