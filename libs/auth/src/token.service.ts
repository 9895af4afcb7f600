import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { DomainError } from '@ragstream/domain';
import type { TenantRoleName } from './principal';

export const JWT_ISSUER = 'ragstream';
export const JWT_AUDIENCE = 'ragstream';

export interface TokenSettings {
  readonly secret: string;
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
}

export interface AccessClaims {
  sub: string;
  tid: string;
  sid: string;
  roles: TenantRoleName[];
  typ: 'access';
}

/** Signs access tokens and refresh tokens; the refresh token's jti is the session's current token id. */
export class TokenService {
  constructor(readonly settings: TokenSettings) {}

  newTokenId(): string {
    return randomUUID();
  }

  refreshExpiry(now: Date): Date {
    return new Date(now.getTime() + this.settings.refreshTtlSeconds * 1000);
  }

  issue(input: { userId: string; tenantId: string; sessionId: string; tenantRole: TenantRoleName | null; refreshTokenId: string; refreshExpiresAt: Date }) {
    const common = { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, subject: input.userId, algorithm: 'HS256' as const };
    const accessToken = jwt.sign(
      { tid: input.tenantId, sid: input.sessionId, roles: input.tenantRole ? [input.tenantRole] : [], typ: 'access' },
      this.settings.secret,
      { ...common, expiresIn: this.settings.accessTtlSeconds, jwtid: randomUUID() },
    );
    const refreshToken = jwt.sign(
      { tid: input.tenantId, sid: input.sessionId, typ: 'refresh', exp: Math.floor(input.refreshExpiresAt.getTime() / 1000) },
      this.settings.secret,
      { ...common, jwtid: input.refreshTokenId },
    );
    return { accessToken, refreshToken, tokenType: 'Bearer' as const, expiresIn: this.settings.accessTtlSeconds };
  }

  /** Verifies a refresh token's signature and expiry; the session decides whether it is still current. */
  verifyRefresh(token: string): { userId: string; tenantId: string; sessionId: string; tokenId: string } {
    try {
      const claims = jwt.verify(token, this.settings.secret, { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithms: ['HS256'] }) as jwt.JwtPayload;
      if (claims.typ !== 'refresh' || !claims.sub || !claims.jti) throw new Error('not a refresh token');
      return { userId: claims.sub, tenantId: claims.tid, sessionId: claims.sid, tokenId: claims.jti };
    } catch {
      throw new DomainError('AUTH.INVALID_REFRESH_TOKEN', 'unauthenticated', 'the refresh token is invalid or expired');
    }
  }
}
