import 'reflect-metadata';
import { createLogger, startTelemetry } from '@ragstream/observability';
import { loadQueryApiConfig } from './query-api.config';

async function main() {
  const config = loadQueryApiConfig();
  const telemetry = startTelemetry('query-api', { exporter: config.OTEL_TRACES_EXPORTER, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const { createQueryApi } = await import('./query-api.app');
  const app = await createQueryApi(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  createLogger('query-api').info({ port: config.PORT }, 'query-api listening');
  app.getHttpServer().on('close', () => void telemetry.shutdown());
}

main().catch((error) => {
  createLogger('query-api').fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
  process.exit(1);
});
