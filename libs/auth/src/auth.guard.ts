import { Inject, Injectable, Optional, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { RouteContract } from '@ragstream/contracts';
import { DomainError } from '@ragstream/domain';
import { currentContext } from '@ragstream/observability';
import { BASE_CONFIG, CHECKPOINTS, IS_PUBLIC, ROUTE_CONTRACT } from '@ragstream/platform';
import type { BaseConfig } from '@ragstream/config';
import type { CheckpointWatcher } from '@ragstream/projections';
import type { FastifyRequest } from 'fastify';
import { hasScope, type Principal } from './principal';
import { minPositionOf } from './min-position';

export const IDENTITY_PROJECTION = 'identity';

/**
 * Every route needs a user (Bearer JWT) or an API key (X-API-Key) unless marked public, and the
 * scope its contract names. With a minimum position the credentials are looked up only once the
 * identity read model has reached it, so a key revoked a moment ago is already refused.
 */
@Injectable()
export class RagstreamAuthGuard extends AuthGuard(['apikey', 'jwt']) {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(CHECKPOINTS) private readonly checkpoints: CheckpointWatcher | null,
    @Optional() @Inject(BASE_CONFIG) private readonly config: BaseConfig | null,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const minPosition = minPositionOf(request);
    if (minPosition !== undefined && this.checkpoints) {
      await this.checkpoints.waitFor(IDENTITY_PROJECTION, minPosition, this.config?.READ_YOUR_WRITES_TIMEOUT_MS ?? 5000);
    }
    await super.canActivate(context);
    const principal = request.user!;
    const store = currentContext();
    if (store) {
      store.tenantId = principal.tenantId;
      store.actorId = principal.kind === 'user' ? principal.userId : principal.keyId;
    }
    const contract = this.reflector.get<RouteContract | undefined>(ROUTE_CONTRACT, context.getHandler());
    const required = contract && contract.auth !== 'public' ? contract.auth.scope : 'read';
    if (!hasScope(principal, required)) {
      throw new DomainError('AUTH.SCOPE_MISSING', 'forbidden', `this API key lacks the '${required}' scope`);
    }
    return true;
  }
}
