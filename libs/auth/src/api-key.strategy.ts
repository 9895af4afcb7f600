import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Scope } from '@ragstream/contracts';
import { DomainError } from '@ragstream/domain';
import { parseApiKey, safeEqualHex, secretHash } from '@ragstream/identity';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { ApiKeyUsageRecorder } from './api-key-usage.recorder';
import { CredentialLookup } from './credential-lookup';
import { AUTH_SETTINGS, type AuthSettings } from './jwt.strategy';
import type { Principal } from './principal';

const invalid = () => new DomainError('AUTH.INVALID_API_KEY', 'unauthenticated', 'the API key is invalid, expired or revoked');

/**
 * `X-API-Key: rsk_<prefix>_<secret>`, or `Authorization: Bearer rsk_...` as OpenAI clients send their
 * key: found by prefix, checked by keyed hash, expiry and revocation.
 */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'apikey') {
  constructor(
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    private readonly lookup: CredentialLookup,
    private readonly usage: ApiKeyUsageRecorder,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Principal | false> {
    const header = request.headers['x-api-key'] ?? bearerApiKey(request.headers.authorization);
    if (header === undefined) return false;
    const parsed = typeof header === 'string' ? parseApiKey(header) : undefined;
    if (!parsed) throw invalid();
    const record = await this.lookup.apiKeyByPrefix(parsed.prefix);
    if (!record || !safeEqualHex(record.secret_hash, secretHash(this.settings.hashPepper, parsed.secret))) throw invalid();
    if (record.revoked_at || (record.expires_at && record.expires_at.getTime() <= Date.now())) throw invalid();
    this.usage.record(record.key_id, record.tenant_id);
    return {
      kind: 'apikey',
      tenantId: record.tenant_id,
      keyId: record.key_id,
      scopes: record.scopes as Scope[],
      workspaceId: record.workspace_id,
      createdBy: record.created_by,
    };
  }
}

// Access tokens are JWTs (three dot-separated parts); only our key format is taken from a Bearer header.
function bearerApiKey(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(rsk_\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}
