import 'reflect-metadata';
import { createLogger, startTelemetry } from '@ragstream/observability';
import { loadProjectorConfig } from './projector.config';

async function main() {
  const config = loadProjectorConfig();
  const telemetry = startTelemetry('projector', { exporter: config.OTEL_TRACES_EXPORTER, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const { createProjector } = await import('./projector.app');
  const app = await createProjector(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  createLogger('projector').info({ port: config.PORT }, 'projector running');
  app.getHttpServer().on('close', () => void telemetry.shutdown());
}

main().catch((error) => {
  createLogger('projector').fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
  process.exit(1);
});
