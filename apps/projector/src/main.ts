import 'reflect-metadata';
import { runService } from '@ragstream/observability';
import { loadProjectorConfig } from './projector.config';

runService('projector', () => loadProjectorConfig(), async () => (await import('./projector.app')).createProjector);
