import 'reflect-metadata';
import { runService } from '@ragstream/observability';
import { loadChatConfig } from './chat.config';

runService('chat', () => loadChatConfig(), async () => (await import('./chat.app')).createChatApp);
