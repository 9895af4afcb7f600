import 'reflect-metadata';
import { startTelemetry, createLogger } from '@ragstream/observability';
import { loadCommandApiConfig } from './command-api.config';

/** Telemetry starts before Nest loads so the HTTP and pg instrumentations can patch their modules. */
async function main() {
  const config = loadCommandApiConfig();
  const telemetry = startTelemetry('command-api', { exporter: config.OTEL_TRACES_EXPORTER, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const { createCommandApi } = await import('./command-api.app');
  const app = await createCommandApi(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  createLogger('command-api').info({ port: config.PORT }, 'command-api listening');
  app.getHttpServer().on('close', () => void telemetry.shutdown());
}

main().catch((error) => {
  createLogger('command-api').fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
  process.exit(1);
});
