import { authorityOf, type Principal } from '@ragstream/auth';
import { DomainError, isTenantAdmin } from '@ragstream/domain';

/**
 * Audits read the raw log of the caller's tenant, so they need a tenant owner or admin, or a
 * tenant-wide admin key; a key bound to one workspace would otherwise see all of them.
 */
export function requireTenantAuditor(principal: Principal): void {
  if (!isTenantAdmin(authorityOf(principal))) {
    throw new DomainError('AUDIT.FORBIDDEN', 'forbidden', 'audits need a tenant owner or admin, or a tenant-wide admin key');
  }
}

/** `at`, `diffFrom`: digits are a stream position, anything else (already validated) an ISO time. */
export function momentOf(value: string | undefined): { position?: number; time?: Date } {
  if (value === undefined) return {};
  return /^\d+$/.test(value) ? { position: Number(value) } : { time: new Date(value) };
}
