import { ROOT_CONTEXT, context, propagation, trace, type Context } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from './telemetry';
import { contextFromHeaders, currentTraceHeaders } from './trace-headers';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const traceparent = (flags: '00' | '01') => `00-${TRACE_ID}-00f067aa0ba902b7-${flags}`;

/** What a handler running under `parent` writes into the JetStream headers of its commit. */
function headersWrittenUnder(parent: Context) {
  return context.with(parent, () =>
    trace.getTracer('http').startActiveSpan('request', (span) => {
      const written = { headers: currentTraceHeaders(), recording: span.isRecording() };
      span.end();
      return written;
    }),
  );
}

// One SDK per test file: the OpenTelemetry API accepts one global registration per realm.
describe("startTelemetry with exporter 'none'", () => {
  let telemetry: Telemetry;
  beforeAll(() => {
    telemetry = startTelemetry('telemetry-spec', { exporter: 'none' });
  });
  afterAll(() => telemetry.shutdown());

  it('continues an incoming sampled traceparent, keeping its flag for services that export', () => {
    const { headers } = headersWrittenUnder(propagation.extract(ROOT_CONTEXT, { traceparent: traceparent('01') }));
    expect(headers.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    expect(headers.traceparent).not.toBe(traceparent('01')); // a child span, not a copy
  });

  it('continues an unsampled traceparent without recording', () => {
    const { headers, recording } = headersWrittenUnder(propagation.extract(ROOT_CONTEXT, { traceparent: traceparent('00') }));
    expect(headers.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
    expect(recording).toBe(false);
  });

  it('starts an unsampled trace for a request that carried none, so logs and events share an id', () => {
    const { headers, recording } = headersWrittenUnder(ROOT_CONTEXT);
    expect(headers.traceparent).toMatch(/^00-(?!0{32})[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(recording).toBe(false);
  });

  it('restores the trace on the consuming side (JetStream headers to a projection)', () => {
    const restored = contextFromHeaders((name) => ({ traceparent: traceparent('01') })[name]);
    expect(trace.getSpanContext(restored)?.traceId).toBe(TRACE_ID);
    expect(headersWrittenUnder(restored).headers.traceparent).toContain(TRACE_ID);
  });
});
