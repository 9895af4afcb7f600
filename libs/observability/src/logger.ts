import pino, { type Logger } from 'pino';
import { trace } from '@opentelemetry/api';
import { currentContext } from './request-context';

let root: Logger | undefined;

/** The process-wide JSON logger; every line carries the current correlation id and trace id. */
export function rootLogger(): Logger {
  root ??= pino({
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: process.env.SERVICE_NAME ?? 'ragstream' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const context = currentContext();
      const span = trace.getActiveSpan()?.spanContext();
      return {
        ...(context?.correlationId ? { correlationId: context.correlationId } : {}),
        ...(context?.tenantId ? { tenantId: context.tenantId } : {}),
        ...(span ? { traceId: span.traceId } : {}),
      };
    },
  });
  return root;
}

/** A child logger named after the component that writes through it. */
export function createLogger(component: string): Logger {
  return rootLogger().child({ component });
}

export type { Logger };
