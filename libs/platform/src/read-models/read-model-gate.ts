import { Inject, Injectable } from '@nestjs/common';
import type { BaseConfig } from '@ragstream/config';
import { BASE_CONFIG, CHECKPOINTS } from '../infra/tokens';
import type { CheckpointWatcher } from '@ragstream/projections';

/** Read-your-writes: holds a query until the projection it reads has reached the client's position. */
@Injectable()
export class ReadModelGate {
  constructor(
    @Inject(CHECKPOINTS) private readonly checkpoints: CheckpointWatcher,
    @Inject(BASE_CONFIG) private readonly config: BaseConfig,
  ) {}

  /** Resolves at once without a position; answers 503 (READ_MODEL.NOT_CAUGHT_UP) when the wait runs out. */
  async reach(projection: string, minPosition: number | undefined): Promise<void> {
    if (minPosition === undefined || minPosition === 0) return;
    await this.checkpoints.waitFor(projection, minPosition, this.config.READ_YOUR_WRITES_TIMEOUT_MS);
  }
}
