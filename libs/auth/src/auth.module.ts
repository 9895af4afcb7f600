import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ApiKeyStrategy } from './api-key.strategy';
import { ApiKeyUsageRecorder } from './api-key-usage.recorder';
import { RagstreamAuthGuard } from './auth.guard';
import { CredentialLookup } from './credential-lookup';
import { AUTH_SETTINGS, JwtStrategy, type AuthSettings } from './jwt.strategy';

/** Authentication for every route of an app: JWT or API key, scopes from the route contract. */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings): DynamicModule {
    return {
      module: AuthModule,
      imports: [PassportModule.register({ session: false })],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        CredentialLookup,
        ApiKeyUsageRecorder,
        JwtStrategy,
        ApiKeyStrategy,
        { provide: APP_GUARD, useClass: RagstreamAuthGuard },
      ],
      exports: [AUTH_SETTINGS, CredentialLookup],
    };
  }
}
