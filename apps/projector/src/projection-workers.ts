import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventRegistry } from '@ragstream/contracts';
import { DATA_SOURCE, NATS } from '@ragstream/platform';
import { ProjectionRunner } from '@ragstream/projections';
import { openCatalogDependencies, projectionCatalog } from '@ragstream/read-models';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import type { ProjectorConfig } from './projector.config';

export const PROJECTOR_CONFIG = Symbol('PROJECTOR_CONFIG');
export const EVENT_REGISTRY = Symbol('EVENT_REGISTRY');

/** Runs one projection runner per catalogued projection for the life of the process. */
@Injectable()
export class ProjectionWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private runners: ProjectionRunner[] = [];

  constructor(
    @Inject(NATS) private readonly nc: NatsConnection,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(EVENT_REGISTRY) private readonly registry: EventRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const catalog = projectionCatalog(await openCatalogDependencies(this.nc, this.dataSource, this.config));
    this.runners = catalog.map(
      (projection) =>
        new ProjectionRunner({
          nc: this.nc,
          stream: this.config.EVENTS_STREAM,
          dataSource: this.dataSource,
          projection,
          registry: this.registry,
          batchSize: this.config.PROJECTION_BATCH_SIZE,
          maxAttempts: this.config.PROJECTION_MAX_ATTEMPTS,
        }),
    );
    for (const runner of this.runners) await runner.start();
  }

  status() {
    return this.runners.map((r) => r.status());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }
}
