import { ROOT_CONTEXT, context, propagation, trace } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from './telemetry';
import { contextFromHeaders, currentTraceHeaders } from './trace-headers';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

// One SDK per process: the OpenTelemetry API accepts a global registration only once.
describe("startTelemetry with exporter 'none'", () => {
  let telemetry: Telemetry;
  beforeAll(() => {
    telemetry = startTelemetry('telemetry-spec', { exporter: 'none' });
  });
  afterAll(() => telemetry.shutdown());

  it('continues an incoming traceparent into the headers it writes', () => {
    const incoming = propagation.extract(ROOT_CONTEXT, { traceparent: PARENT });
    const headers = context.with(incoming, () =>
      trace.getTracer('http').startActiveSpan('request', (span) => {
        const written = currentTraceHeaders();
        span.end();
        return written;
      }),
    );
    expect(headers.traceparent).toBe(PARENT);
  });

  it('restores the same trace on the consuming side (JetStream headers to a projection)', () => {
    const restored = contextFromHeaders((name) => ({ traceparent: PARENT })[name]);
    expect(trace.getSpanContext(restored)?.traceId).toBe(TRACE_ID);
    expect(context.with(restored, currentTraceHeaders).traceparent).toBe(PARENT);
  });

  it('records nothing and invents no trace when the request carried none', () => {
    const span = trace.getTracer('http').startSpan('request');
    expect(span.isRecording()).toBe(false);
    expect(context.with(trace.setSpan(ROOT_CONTEXT, span), currentTraceHeaders)).toEqual({});
  });
});
