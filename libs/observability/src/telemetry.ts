import type { Sampler, SpanProcessor } from '@opentelemetry/sdk-trace-base';

export type TraceExporter = 'none' | 'otlp' | 'console';

export interface TelemetryOptions {
  readonly exporter: TraceExporter;
  /** OTLP/HTTP base URL (as OTEL_EXPORTER_OTLP_ENDPOINT): `/v1/traces` is appended. */
  readonly otlpEndpoint?: string;
}

export interface Telemetry {
  shutdown(): Promise<void>;
}

// Probes hit these every few seconds; a span each would drown the real traces.
const PROBE_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Starts OpenTelemetry for one process: W3C trace-context propagation always, exported spans
 * only when an exporter is chosen. Call it before the HTTP framework and pg are loaded so the
 * instrumentations can patch them.
 *
 * With 'none' the tracer samples ParentBased(AlwaysOff) into a no-op processor and no module is
 * instrumented: an incoming `traceparent` still continues into the JetStream headers and the
 * projection (createHttpApp extracts it), keeping its sampled flag for services behind this one
 * that do export. Nothing leaves the process.
 */
export function startTelemetry(serviceName: string, options: TelemetryOptions): Telemetry {
  // Required lazily: the SDK takes over a second to load, and most importers of this lib
  // (the event store, every test) only need the propagation helpers.
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } =
    require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');

  const exporting = options.exporter !== 'none';
  const sdk = new NodeSDK({
    serviceName,
    // Explicit, so OTEL_PROPAGATORS or OTEL_*_EXPORTER in the environment cannot switch things on.
    textMapPropagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
    spanProcessors: spanProcessors(options),
    ...(exporting ? {} : { sampler: unsampledUnlessParentSampled() }),
    metricReaders: [],
    logRecordProcessors: [],
    autoDetectResources: exporting,
    // Nothing is recorded with 'none', so no instrumentation: the HTTP layer continues an incoming
    // traceparent itself (createHttpApp), which costs a fraction of a patched http module.
    // (Constructed only when exporting: an instrumentation patches its module as soon as it exists.)
    instrumentations: exporting
      ? [
          new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => PROBE_PATHS.has((request.url ?? '').split('?')[0]) }),
          new PgInstrumentation({ requireParentSpan: true }),
        ]
      : [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

const traceBase = () => require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');

function unsampledUnlessParentSampled(): Sampler {
  const { AlwaysOffSampler, ParentBasedSampler } = traceBase();
  return new ParentBasedSampler({ root: new AlwaysOffSampler() });
}

function spanProcessors(options: TelemetryOptions): SpanProcessor[] {
  const { BatchSpanProcessor, ConsoleSpanExporter, NoopSpanProcessor, SimpleSpanProcessor } = traceBase();
  // The SDK registers no tracer at all without a processor; a no-op one keeps ids flowing.
  if (options.exporter === 'none') return [new NoopSpanProcessor()];
  if (options.exporter === 'console') return [new SimpleSpanProcessor(new ConsoleSpanExporter())];
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const url = options.otlpEndpoint ? `${options.otlpEndpoint.replace(/\/+$/, '').replace(/\/v1\/traces$/, '')}/v1/traces` : undefined;
  return [new BatchSpanProcessor(new OTLPTraceExporter(url ? { url } : {}))];
}
