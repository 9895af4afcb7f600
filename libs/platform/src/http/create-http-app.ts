import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildOpenApiDocument, type RouteContract } from '@ragstream/contracts';
import { context, trace } from '@opentelemetry/api';
import { contextFromHeaders, createLogger, runWithContext } from '@ragstream/observability';
import { NestPinoLogger } from './nest-logger';
import { ProblemDetailsFilter } from './problem.filter';

export interface HttpAppOptions {
  readonly name: string;
  /** The routes this app serves, for its OpenAPI document. */
  readonly routes: readonly RouteContract<any, any, any, any>[];
  readonly bodyLimitBytes?: number;
}

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A Nest app on Fastify with problem+json errors, correlation ids, JSON logs and /openapi.json. */
export async function createHttpApp(module: unknown, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimitBytes ?? 1024 * 1024, trustProxy: true, logger: false });
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, {
    logger: new NestPinoLogger(),
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const incoming = request.headers[CORRELATION_HEADER];
    const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
    void reply.header(CORRELATION_HEADER, id);
    // The HTTP instrumentation, when loaded, already continued the caller's trace; otherwise do it here.
    const parent = trace.getActiveSpan() ? context.active() : contextFromHeaders((name) => first(request.headers[name]));
    context.with(parent, () => runWithContext({ correlationId: id }, done));
  });
  const access = createLogger('access');
  fastify.addHook('onResponse', (request, reply, done) => {
    access.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    done();
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = buildOpenApiDocument(options.routes, { title: `Ragstream ${options.name}`, version: '1.0.0' });
  fastify.get('/openapi.json', (_request, reply) => reply.send(document));
  app.enableShutdownHooks();
  return app;
}
