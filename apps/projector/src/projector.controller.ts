import { Controller, Get } from '@nestjs/common';
import { Public } from '@ragstream/platform';
import { ProjectionWorkers } from './projection-workers';

/** What each projection runner has reached, for operators and probes. */
@Controller()
export class ProjectorController {
  constructor(private readonly workers: ProjectionWorkers) {}

  @Public()
  @Get('status')
  status() {
    return { projections: this.workers.status() };
  }
}
