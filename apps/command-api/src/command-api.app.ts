import { createHttpApp } from '@ragstream/platform';
import type { CommandApiConfig } from './command-api.config';
import { CommandApiModule } from './command-api.module';
import { commandApiRoutes } from './routes';

/** The command API as a Nest application, ready to listen (tests listen on a random port). */
export function createCommandApi(config: CommandApiConfig) {
  return createHttpApp(CommandApiModule.forRoot(config), { name: 'command-api', routes: commandApiRoutes });
}
