import { createHttpApp } from '@ragstream/platform';
import type { QueryApiConfig } from './query-api.config';
import { QueryApiModule } from './query-api.module';
import { queryApiRoutes } from './routes';

/** The query API as a Nest application, ready to listen. */
export function createQueryApi(config: QueryApiConfig) {
  return createHttpApp(QueryApiModule.forRoot(config), { name: 'query-api', routes: queryApiRoutes });
}
