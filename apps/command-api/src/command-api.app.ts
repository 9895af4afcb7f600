import multipart from '@fastify/multipart';
import { createHttpApp } from '@ragstream/platform';
import type { CommandApiConfig } from './command-api.config';
import { CommandApiModule } from './command-api.module';
import { commandApiRoutes } from './routes';

/** The command API as a Nest application, ready to listen (tests listen on a random port). */
export async function createCommandApi(config: CommandApiConfig) {
  // Text bodies carry whole documents; JSON envelope and escaping add a little on top of the file limit.
  const bodyLimitBytes = Math.ceil(config.DOCUMENT_MAX_BYTES * 1.1) + 64 * 1024;
  const app = await createHttpApp(CommandApiModule.forRoot(config), { name: 'command-api', routes: commandApiRoutes, bodyLimitBytes });
  await app.register(multipart as never, { limits: { fileSize: config.DOCUMENT_MAX_BYTES } });
  return app;
}
