import type { Provider } from '@nestjs/common';
import { ContentStore } from '@ragstream/event-store';
import { BASE_CONFIG, NATS } from '@ragstream/platform';
import type { BaseConfig } from '@ragstream/config';
import type { NatsConnection } from 'nats';

export const CONTENT_STORE = Symbol('CONTENT_STORE');

/** The object-store bucket holding document bytes by sha256. */
export const contentStoreProvider: Provider = {
  provide: CONTENT_STORE,
  inject: [NATS, BASE_CONFIG],
  useFactory: (nc: NatsConnection, config: BaseConfig) => ContentStore.open(nc, config.CONTENT_BUCKET, config.EVENTS_REPLICAS),
};
