import type { DomainCommand } from '../shared';

/** Claims an address for a user; the aggregate id is the HMAC of the normalised address. */
export type ReserveEmail = DomainCommand<'ReserveEmail', { userId: string; tenantId: string }>;
export type ReleaseEmail = DomainCommand<'ReleaseEmail', { userId: string }>;

export type EmailReservationCommand = ReserveEmail | ReleaseEmail;
