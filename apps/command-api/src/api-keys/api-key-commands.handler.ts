import { Inject, Injectable } from '@nestjs/common';
import type { RouteInput, createApiKey, revokeApiKey } from '@ragstream/contracts';
import { DomainError, apiKeyDecider, effectiveWorkspaceRole, isTenantAdmin, roleAtLeast, workspaceDecider } from '@ragstream/domain';
import { actorOf, authorityOf, onBehalfOf, type Principal } from '@ragstream/auth';
import type { CommandExecutor } from '@ragstream/event-store';
import { formatApiKey, newApiKeyMaterial, secretHash } from '@ragstream/identity';
import { COMMAND_EXECUTOR } from '@ragstream/platform';
import type { CommandApiConfig } from '../command-api.config';
import { CommandContext } from '../commands/command-context';
import { COMMAND_API_CONFIG } from '../commands/tokens';

const forbidden = (message: string) => new DomainError('APIKEY.FORBIDDEN', 'forbidden', message);

/**
 * Tenant-wide keys are created and revoked by tenant owners and admins; workspace-bound keys also
 * by that workspace's admins. The secret is shown once and only its keyed hash is stored.
 */
@Injectable()
export class ApiKeyCommandsHandler {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(COMMAND_API_CONFIG) private readonly config: CommandApiConfig,
  ) {}

  async create(principal: Principal, { body }: RouteInput<typeof createApiKey>, key?: string) {
    await this.requireAdministers(principal, body.workspaceId);
    const ctx = new CommandContext(principal.tenantId, actorOf(principal), 'create-api-key', key);
    const keyId = ctx.id('apikey');
    const commit = ctx.commit('apikey');
    const material = newApiKeyMaterial(this.config.HASH_PEPPER, ctx.idempotent ? commit.commitId : undefined);
    const data = {
      name: body.name,
      scopes: [...new Set(body.scopes)],
      workspaceId: body.workspaceId,
      expiresAt: body.expiresAt ? new Date(body.expiresAt).toISOString() : null,
      prefix: material.prefix,
      secretHash: secretHash(this.config.HASH_PEPPER, material.secret),
      createdBy: onBehalfOf(principal),
    };
    const result = await this.executor.execute(apiKeyDecider, { type: 'CreateApiKey', data, metadata: ctx.metadata() }, { tenantId: principal.tenantId, aggregateId: keyId, context: commit });
    return { position: result.position, version: result.version, keyId, prefix: material.prefix, key: formatApiKey(material.prefix, material.secret) };
  }

  async revoke(principal: Principal, { params }: RouteInput<typeof revokeApiKey>, key?: string) {
    const { state } = await this.executor.state(apiKeyDecider, principal.tenantId, params.keyId);
    if (state.status !== 'none' && state.createdBy !== onBehalfOf(principal)) await this.requireAdministers(principal, state.workspaceId);
    const ctx = new CommandContext(principal.tenantId, actorOf(principal), 'revoke-api-key', key);
    const result = await this.executor.execute(apiKeyDecider, { type: 'RevokeApiKey', data: {}, metadata: ctx.metadata() }, {
      tenantId: principal.tenantId,
      aggregateId: params.keyId,
      context: ctx.commit('apikey'),
    });
    return { position: result.position, version: result.version };
  }

  private async requireAdministers(principal: Principal, workspaceId: string | null) {
    const authority = authorityOf(principal, workspaceId ?? undefined);
    if (isTenantAdmin(authority)) return;
    if (!workspaceId) throw forbidden('tenant-wide keys need a tenant owner or admin');
    if (principal.kind === 'apikey' && principal.workspaceId !== workspaceId) throw forbidden('this key is bound to another workspace');
    const { state } = await this.executor.state(workspaceDecider, principal.tenantId, workspaceId);
    if (!state.exists) throw new DomainError('WORKSPACE.NOT_FOUND', 'not-found', 'no such workspace');
    if (!roleAtLeast(effectiveWorkspaceRole(state, actorOf(principal), authority), 'admin')) throw forbidden('workspace keys need the workspace admin role');
  }
}
