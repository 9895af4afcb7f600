import { Module, type DynamicModule } from '@nestjs/common';
import { createEventRegistry } from '@ragstream/contracts';
import { CoreInfraModule, HealthController } from '@ragstream/platform';
import { EVENT_REGISTRY, PROJECTOR_CONFIG, ProjectionWorkers } from './projection-workers';
import type { ProjectorConfig } from './projector.config';
import { ProjectorController } from './projector.controller';
import { ReindexRetrier } from './reindex-retrier';

/** Builds every read model from the event log; serves only health and status over HTTP. */
@Module({})
export class ProjectorModule {
  static forRoot(config: ProjectorConfig): DynamicModule {
    const registry = createEventRegistry();
    return {
      module: ProjectorModule,
      imports: [CoreInfraModule.forRoot({ name: 'projector', config, registry, watchCheckpoints: true })],
      controllers: [HealthController, ProjectorController],
      providers: [{ provide: PROJECTOR_CONFIG, useValue: config }, { provide: EVENT_REGISTRY, useValue: registry }, ProjectionWorkers, ReindexRetrier],
    };
  }
}
