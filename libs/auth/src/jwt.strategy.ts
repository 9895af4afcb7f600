import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { DomainError } from '@ragstream/domain';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { FastifyRequest } from 'fastify';
import { CredentialLookup } from './credential-lookup';
import { minPositionOf } from './min-position';
import type { Principal, TenantRoleName } from './principal';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessClaims } from './token.service';

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

export interface AuthSettings {
  readonly jwtSecret: string;
  readonly hashPepper: string;
}

/** `Authorization: Bearer <access token>`: a signed, unexpired token of a session still active. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(AUTH_SETTINGS) settings: AuthSettings,
    private readonly lookup: CredentialLookup,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given a string, jsonwebtoken first tries to parse it as a PEM public key on
      // every verify, and that failing OpenSSL call was a fifth of command-api's CPU.
      secretOrKey: createSecretKey(Buffer.from(settings.jwtSecret)) as unknown as Buffer,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      algorithms: ['HS256'],
      passReqToCallback: true,
    });
  }

  async validate(request: FastifyRequest, claims: AccessClaims): Promise<Principal> {
    if (claims.typ !== 'access') throw new DomainError('AUTH.WRONG_TOKEN_TYPE', 'unauthenticated', 'an access token is required');
    if (!(await this.lookup.sessionActive(claims.sid, claims.tid, minPositionOf(request)))) {
      throw new DomainError('AUTH.SESSION_REVOKED', 'unauthenticated', 'the session has ended; sign in again');
    }
    const tenantRole = (claims.roles?.[0] ?? null) as TenantRoleName | null;
    return { kind: 'user', tenantId: claims.tid, userId: claims.sub, sessionId: claims.sid, tenantRole };
  }
}
