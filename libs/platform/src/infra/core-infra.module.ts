import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { BaseConfig } from '@ragstream/config';
import type { EventRegistry } from '@ragstream/contracts';
import { createDataSource } from '@ragstream/db';
import { CommandExecutor, JetStreamEventStore } from '@ragstream/event-store';
import { createLogger } from '@ragstream/observability';
import { CheckpointWatcher } from '@ragstream/projections';
import { connect, type NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { READINESS_CHECKS, type ReadinessCheck } from '../health/health.controller';
import { BASE_CONFIG, CHECKPOINTS, COMMAND_EXECUTOR, DATA_SOURCE, EVENT_STORE, NATS } from './tokens';

export interface CoreInfraOptions {
  readonly name: string;
  readonly config: BaseConfig;
  readonly registry: EventRegistry;
  /** Query-side apps wait on projection checkpoints for read-your-writes. */
  readonly watchCheckpoints?: boolean;
}

const log = createLogger('infra');

/** NATS, Postgres, the event store and readiness checks, connected once per process. */
@Global()
@Module({})
export class CoreInfraModule implements OnApplicationShutdown {
  constructor(
    @Inject(NATS) private readonly nc: NatsConnection,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CHECKPOINTS) private readonly checkpoints: CheckpointWatcher | null,
  ) {}

  static forRoot(options: CoreInfraOptions): DynamicModule {
    const { config } = options;
    return {
      module: CoreInfraModule,
      providers: [
        { provide: BASE_CONFIG, useValue: config },
        {
          provide: NATS,
          useFactory: async () => {
            const nc = await connect({ servers: config.NATS_URL, name: options.name, maxReconnectAttempts: -1 });
            log.info({ server: nc.getServer() }, 'connected to NATS');
            return nc;
          },
        },
        {
          provide: DATA_SOURCE,
          useFactory: async () => {
            const ds = createDataSource({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, poolSize: config.DB_POOL_SIZE, applicationName: options.name });
            await ds.initialize();
            return ds;
          },
        },
        {
          provide: EVENT_STORE,
          inject: [NATS],
          useFactory: (nc: NatsConnection) =>
            JetStreamEventStore.create(nc, { stream: config.EVENTS_STREAM, subjectPrefix: config.EVENTS_SUBJECT_PREFIX, registry: options.registry }),
        },
        { provide: COMMAND_EXECUTOR, inject: [EVENT_STORE], useFactory: (store: JetStreamEventStore) => new CommandExecutor(store) },
        {
          provide: CHECKPOINTS,
          useFactory: async () => {
            if (!options.watchCheckpoints) return null;
            const watcher = new CheckpointWatcher({ connectionString: config.DATABASE_URL, schema: config.DB_SCHEMA });
            await watcher.start();
            return watcher;
          },
        },
        {
          provide: READINESS_CHECKS,
          inject: [NATS, DATA_SOURCE],
          useFactory: (nc: NatsConnection, ds: DataSource): ReadinessCheck[] => [
            { name: 'nats', check: () => nc.flush() },
            { name: 'postgres', check: async () => void (await ds.query('SELECT 1')) },
          ],
        },
      ],
      exports: [BASE_CONFIG, NATS, DATA_SOURCE, EVENT_STORE, COMMAND_EXECUTOR, CHECKPOINTS, READINESS_CHECKS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.checkpoints?.close();
    await this.nc.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
