import { Inject, Injectable } from '@nestjs/common';
import type { RouteInput, refreshTokens } from '@ragstream/contracts';
import { DomainError, sessionDecider } from '@ragstream/domain';
import { TokenService } from '@ragstream/auth';
import type { CommandExecutor } from '@ragstream/event-store';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import { CommandContext } from '../commands/command-context';
import { IdentityLookups } from '../commands/identity-services';

/** Rotates the refresh token; the session aggregate detects reuse of a rotated one and revokes itself. */
@Injectable()
export class RefreshTokensHandler {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    private readonly lookups: IdentityLookups,
    private readonly tokens: TokenService,
  ) {}

  async execute({ body }: RouteInput<typeof refreshTokens>) {
    const claims = this.tokens.verifyRefresh(body.refreshToken);
    const ctx = new CommandContext(claims.tenantId, { type: 'user', id: claims.userId }, 'refresh');
    const refreshTokenId = this.tokens.newTokenId();
    const refreshExpiresAt = this.tokens.refreshExpiry(ctx.now);
    const result = await this.executor.execute(
      sessionDecider,
      {
        type: 'RefreshSession',
        data: { presentedTokenId: claims.tokenId, newTokenId: refreshTokenId, expiresAt: refreshExpiresAt.toISOString() },
        metadata: ctx.metadata(),
      },
      { tenantId: claims.tenantId, aggregateId: claims.sessionId, context: ctx.commit() },
    );
    if (result.state.status !== 'active' || result.state.tokenId !== refreshTokenId) {
      throw new DomainError('AUTH.REFRESH_TOKEN_REUSED', 'unauthenticated', 'this refresh token was already used; the session has been revoked');
    }
    const tenantRole = await this.lookups.tenantRole(claims.tenantId, claims.userId);
    const pair = this.tokens.issue({ ...claims, tenantRole, refreshTokenId, refreshExpiresAt });
    return { ...pair, position: result.position };
  }
}
