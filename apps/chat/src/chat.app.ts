import { createHttpApp } from '@ragstream/platform';
import type { ChatConfig } from './chat.config';
import { ChatModule } from './chat.module';
import { chatRoutes } from './routes';

/** The chat app as a Nest application, ready to listen (tests listen on a random port). */
export function createChatApp(config: ChatConfig) {
  return createHttpApp(ChatModule.forRoot(config), { name: 'chat', routes: chatRoutes });
}
