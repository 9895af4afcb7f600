import os from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventRegistry } from '@ragstream/contracts';
import { CHECKPOINTS, DATA_SOURCE, NATS } from '@ragstream/platform';
import { ProjectionSupervisor, type CheckpointWatcher } from '@ragstream/projections';
import { openCatalogDependencies, projectionCatalog } from '@ragstream/read-models';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import type { ProjectorConfig } from './projector.config';

export const PROJECTOR_CONFIG = Symbol('PROJECTOR_CONFIG');
export const EVENT_REGISTRY = Symbol('EVENT_REGISTRY');

/**
 * One supervisor per catalogued projection for the life of the process: it feeds the live build,
 * follows swaps made by `projections rebuild`, and rebuilds in the background when the live build
 * was made by older code or another fingerprint.
 */
@Injectable()
export class ProjectionWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private supervisors: ProjectionSupervisor[] = [];

  constructor(
    @Inject(NATS) private readonly nc: NatsConnection,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CHECKPOINTS) private readonly watcher: CheckpointWatcher,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(EVENT_REGISTRY) private readonly registry: EventRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const catalog = projectionCatalog(await openCatalogDependencies(this.nc, this.dataSource, this.config));
    this.supervisors = catalog.map(
      (projection) =>
        new ProjectionSupervisor({
          nc: this.nc,
          stream: this.config.EVENTS_STREAM,
          dataSource: this.dataSource,
          connectionString: this.config.DATABASE_URL,
          schema: this.config.DB_SCHEMA,
          projection,
          registry: this.registry,
          watcher: this.watcher,
          instance: `projector ${os.hostname()} pid ${process.pid}`,
          batchSize: this.config.PROJECTION_BATCH_SIZE,
          maxAttempts: this.config.PROJECTION_MAX_ATTEMPTS,
          rebuildBatchSize: this.config.PROJECTION_REBUILD_BATCH_SIZE,
        }),
    );
    for (const supervisor of this.supervisors) await supervisor.start();
  }

  status() {
    return this.supervisors.map((s) => s.status());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.supervisors.map((s) => s.stop()));
  }
}
