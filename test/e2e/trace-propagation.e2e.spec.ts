import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Platform, newTenant } from './platform-harness';

describe('one trace spans request -> append -> projection', () => {
  const exporter = new InMemorySpanExporter();
  let platform: Platform;
  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    platform = await Platform.start();
  });
  afterAll(async () => {
    await platform?.close();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('carries the caller traceparent into the commit headers and the projection span', async () => {
    const tenant = await newTenant(platform, 'traced');
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const traceparent = `00-${traceId}-00f067aa0ba902b7-01`;
    const created = await platform.call('POST', '/v1/workspaces', { token: tenant.token, body: { name: 'Traced' }, headers: { traceparent } });
    expect(created.status).toBe(201);

    const commit = await platform.readCommit(created.body.position);
    expect(commit.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const seen = await platform.call('GET', `/v1/workspaces/${created.body.workspaceId}`, { token: tenant.token, headers: { 'x-min-position': String(created.body.position) } });
    expect(seen.status).toBe(200);
    const projected = exporter.getFinishedSpans().filter((s) => s.name === 'project identity' && s.spanContext().traceId === traceId);
    expect(projected.length).toBeGreaterThanOrEqual(1);
  });
});
