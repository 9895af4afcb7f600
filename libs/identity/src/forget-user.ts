import { SYSTEM_TENANT, type ForgetReason } from '@ragstream/contracts';
import { DomainError, emailReservationDecider, sessionDecider, tenantDecider, userDecider, type Authority, type CommandMetadata } from '@ragstream/domain';
import type { CommandExecutor, CommitContext, JetStreamEventStore } from '@ragstream/event-store';
import type { PiiVault } from './pii-vault';
import { sessionsOfUser } from './user-sessions';

export interface ForgetUserRequest {
  readonly tenantId: string;
  readonly userId: string;
  readonly reason: ForgetReason;
  readonly authority: Authority;
  /** The commit context of each step (`user`, `email`, `session:<id>`); derive them from one key to make retries safe. */
  readonly commit: (step: string) => CommitContext;
}

export interface ForgetUserResult {
  /** The last position written, for read-your-writes. */
  readonly position: number;
  readonly version: number;
  readonly keyDestroyed: boolean;
  readonly emailReleased: boolean;
  readonly sessionsRevoked: number;
}

export interface ForgetUserDeps {
  readonly executor: CommandExecutor;
  readonly store: JetStreamEventStore;
  readonly vault: PiiVault;
}

/**
 * Forgets a user: records `user.forgotten` (the decider checks who may), destroys the user's key so
 * every sealed value of theirs is unreadable, frees their e-mail address and ends their sessions.
 * Every step is idempotent, so repeating the call completes whatever an earlier one left undone.
 */
export async function forgetUser(deps: ForgetUserDeps, request: ForgetUserRequest): Promise<ForgetUserResult> {
  const { executor, vault } = deps;
  const { tenantId, userId } = request;
  const step = (name: string): { context: CommitContext; metadata: CommandMetadata } => {
    const context = request.commit(name);
    return { context, metadata: { tenantId, actor: context.actor, now: context.occurredAt } };
  };
  const tenant = (await executor.state(tenantDecider, tenantId, tenantId)).state;
  const targetRole = tenant.members[userId] ?? 'member';
  const user = step('user');
  const forgotten = await executor.execute(
    userDecider,
    { type: 'ForgetUser', data: { userId, reason: request.reason, authority: request.authority, targetRole }, metadata: user.metadata },
    { tenantId, aggregateId: userId, context: user.context },
  );
  const keyDestroyed = await vault.destroyKey(userId);
  let position = forgotten.position;
  let emailReleased = false;
  if (forgotten.state.emailHash) {
    try {
      const email = step('email');
      const released = await executor.execute(emailReservationDecider, { type: 'ReleaseEmail', data: { userId }, metadata: email.metadata }, {
        tenantId: SYSTEM_TENANT,
        aggregateId: forgotten.state.emailHash,
        context: email.context,
      });
      emailReleased = released.events.length > 0;
      position = Math.max(position, released.position);
    } catch (error) {
      // Released before, or already taken by someone else after an earlier release.
      if (!(error instanceof DomainError) || !['EMAIL.NOT_RESERVED', 'EMAIL.NOT_HOLDER'].includes(error.code)) throw error;
    }
  }
  let sessionsRevoked = 0;
  for (const sessionId of await sessionsOfUser(deps.store, tenantId, userId)) {
    const session = step(`session:${sessionId}`);
    const ended = await executor.execute(sessionDecider, { type: 'EndSession', data: { reason: 'user_forgotten' }, metadata: session.metadata }, {
      tenantId,
      aggregateId: sessionId,
      context: session.context,
    });
    if (ended.events.length > 0) sessionsRevoked++;
    position = Math.max(position, ended.position);
  }
  return { position, version: forgotten.version, keyDestroyed, emailReleased, sessionsRevoked };
}
