import 'reflect-metadata';
import { runService } from '@ragstream/observability';
import { loadCommandApiConfig } from './command-api.config';

runService('command-api', () => loadCommandApiConfig(), async () => (await import('./command-api.app')).createCommandApi);
