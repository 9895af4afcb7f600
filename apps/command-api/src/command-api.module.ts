import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, TokenService } from '@ragstream/auth';
import { createEventRegistry } from '@ragstream/contracts';
import { PiiVault } from '@ragstream/identity';
import { CoreInfraModule, DATA_SOURCE, HealthController } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { ApiKeyCommandsHandler } from './api-keys/api-key-commands.handler';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AcceptInvitationHandler } from './auth/accept-invitation.handler';
import { AuthController } from './auth/auth.controller';
import { LogInHandler } from './auth/log-in.handler';
import { RefreshTokensHandler } from './auth/refresh-tokens.handler';
import { SessionCommandsHandler } from './auth/session-commands.handler';
import { SignUpHandler } from './auth/sign-up.handler';
import type { CommandApiConfig } from './command-api.config';
import { AdminUsersController } from './users/admin-users.controller';
import { ForgetUserHandler } from './users/forget-user.handler';
import { IdentityLookups } from './commands/identity-services';
import { COMMAND_API_CONFIG } from './commands/tokens';
import { AddMemberHandler } from './workspaces/add-member.handler';
import { WorkspaceCommandsHandler } from './workspaces/workspace-commands.handler';
import { WorkspacesController } from './workspaces/workspaces.controller';
import { contentStoreProvider } from './documents/content-store.provider';
import { DocumentAccess } from './documents/document-access';
import { DocumentCommandsHandler } from './documents/document-commands.handler';
import { DocumentIntake } from './documents/document-intake';
import { DOCUMENT_LIMITS } from './documents/document-limits';
import { DocumentsController } from './documents/documents.controller';
import { IngestDocumentHandler } from './documents/ingest-document.handler';
import { WorkspaceQuota } from './documents/workspace-quota';

/** The write side: validates commands, decides, and appends commits to JetStream. */
@Module({})
export class CommandApiModule {
  static forRoot(config: CommandApiConfig): DynamicModule {
    return {
      module: CommandApiModule,
      imports: [
        CoreInfraModule.forRoot({ name: 'command-api', config, registry: createEventRegistry(), watchCheckpoints: true }),
        AuthModule.forRoot({ jwtSecret: config.JWT_SECRET, hashPepper: config.HASH_PEPPER }),
      ],
      controllers: [HealthController, AuthController, WorkspacesController, ApiKeysController, DocumentsController, AdminUsersController],
      providers: [
        { provide: COMMAND_API_CONFIG, useValue: config },
        {
          provide: TokenService,
          useValue: new TokenService({
            secret: config.JWT_SECRET,
            accessTtlSeconds: config.JWT_ACCESS_TTL_SECONDS,
            refreshTtlSeconds: config.JWT_REFRESH_TTL_SECONDS,
          }),
        },
        { provide: PiiVault, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new PiiVault(ds, Buffer.from(config.PII_MASTER_KEY, 'hex')) },
        IdentityLookups,
        SignUpHandler,
        LogInHandler,
        RefreshTokensHandler,
        SessionCommandsHandler,
        AcceptInvitationHandler,
        WorkspaceCommandsHandler,
        AddMemberHandler,
        ApiKeyCommandsHandler,
        ForgetUserHandler,
        { provide: DOCUMENT_LIMITS, useValue: config },
        contentStoreProvider,
        DocumentAccess,
        DocumentIntake,
        WorkspaceQuota,
        IngestDocumentHandler,
        DocumentCommandsHandler,
      ],
    };
  }
}
