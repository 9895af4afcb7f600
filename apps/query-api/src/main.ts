import 'reflect-metadata';
import { runService } from '@ragstream/observability';
import { loadQueryApiConfig } from './query-api.config';

runService('query-api', () => loadQueryApiConfig(), async () => (await import('./query-api.app')).createQueryApi);
