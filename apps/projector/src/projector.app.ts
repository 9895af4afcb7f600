import { createHttpApp } from '@ragstream/platform';
import type { ProjectorConfig } from './projector.config';
import { ProjectorModule } from './projector.module';

/** The projector as a Nest application, ready to listen. */
export function createProjector(config: ProjectorConfig) {
  return createHttpApp(ProjectorModule.forRoot(config), { name: 'projector', routes: [] });
}
