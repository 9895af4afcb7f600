import type { Provider } from '@nestjs/common';
import type { BaseConfig } from '@ragstream/config';
import { ContentStore } from '@ragstream/event-store';
import { BASE_CONFIG, NATS } from '@ragstream/platform';
import type { NatsConnection } from 'nats';

export const CONTENT_STORE = Symbol('CONTENT_STORE');

/** The object-store bucket holding the original bytes of every revision, by sha256. */
export const contentStoreProvider: Provider = {
  provide: CONTENT_STORE,
  inject: [NATS, BASE_CONFIG],
  // Opening creates a missing bucket; with the configured replicas, as provisioning would.
  useFactory: (nc: NatsConnection, config: BaseConfig) => ContentStore.open(nc, config.CONTENT_BUCKET, config.EVENTS_REPLICAS),
};
