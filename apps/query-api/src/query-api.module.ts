import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@ragstream/auth';
import { createEventRegistry } from '@ragstream/contracts';
import { PiiVault } from '@ragstream/identity';
import { CoreInfraModule, DATA_SOURCE, HealthController } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { AuditController } from './audit/audit.controller';
import { AuditQueries } from './audit/audit-queries';
import { contentStoreProvider } from './documents/content-store.provider';
import { DocumentContentQueries } from './documents/document-content.queries';
import { DocumentDetailQueries } from './documents/document-detail.queries';
import { DocumentListQueries } from './documents/document-list.queries';
import { DocumentsController } from './documents/documents.controller';
import { ReadableDocuments } from './documents/readable-documents.queries';
import { WorkspaceAccess } from './documents/workspace-access.queries';
import { AccessQueries } from './identity/access-queries';
import { IdentityQueriesController } from './identity/identity-queries.controller';
import { People } from './identity/people';
import { WorkspaceQueries } from './identity/workspace-queries';
import type { QueryApiConfig } from './query-api.config';
import { ReadModelGate } from './read-models/read-model-gate';
import { queryEmbedderProvider } from './search/query-embedder.provider';
import { SearchController } from './search/search.controller';
import { SearchQueries } from './search/search.queries';

/** The read side: serves projections, waiting for a client's position when asked (read-your-writes). */
@Module({})
export class QueryApiModule {
  static forRoot(config: QueryApiConfig): DynamicModule {
    return {
      module: QueryApiModule,
      imports: [
        CoreInfraModule.forRoot({ name: 'query-api', config, registry: createEventRegistry(), watchCheckpoints: true }),
        AuthModule.forRoot({ jwtSecret: config.JWT_SECRET, hashPepper: config.HASH_PEPPER }),
      ],
      controllers: [HealthController, IdentityQueriesController, DocumentsController, SearchController, AuditController],
      providers: [
        { provide: PiiVault, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new PiiVault(ds, Buffer.from(config.PII_MASTER_KEY, 'hex')) },
        ReadModelGate,
        People,
        AccessQueries,
        WorkspaceQueries,
        WorkspaceAccess,
        ReadableDocuments,
        contentStoreProvider,
        DocumentListQueries,
        DocumentDetailQueries,
        DocumentContentQueries,
        queryEmbedderProvider(config),
        SearchQueries,
        AuditQueries,
      ],
    };
  }
}
