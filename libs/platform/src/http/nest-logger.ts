import type { LoggerService } from '@nestjs/common';
import { createLogger } from '@ragstream/observability';

/** Routes Nest's own log lines into the JSON logger. */
export class NestPinoLogger implements LoggerService {
  private readonly out = createLogger('nest');

  log(message: unknown, context?: string) {
    this.out.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.out.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.out.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.out.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.out.trace({ context }, String(message));
  }
}
