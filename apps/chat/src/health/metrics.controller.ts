import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@ragstream/platform';
import { ChatProviders } from '../providers/chat-providers';
import { ChatMetrics } from './chat-metrics';

/** Prometheus text: breaker state per provider, calls, failures, fallbacks and tokens. */
@Controller()
export class MetricsController {
  constructor(
    private readonly providers: ChatProviders,
    private readonly metrics: ChatMetrics,
  ) {}

  @Public()
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  prometheus() {
    return this.metrics.render(this.providers.breakers());
  }
}
