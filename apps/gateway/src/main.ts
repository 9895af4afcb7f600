import { createLogger, startTelemetry } from '@ragstream/observability';
import { loadGatewayConfig } from './gateway.config';

const SHUTDOWN_GRACE_MS = 10_000;

/** Telemetry starts before the server module loads node:http, so its instrumentation can patch it. */
async function main() {
  const config = loadGatewayConfig();
  const telemetry = startTelemetry('gateway', { exporter: config.OTEL_TRACES_EXPORTER, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const { createGatewayServer } = await import('./server');
  const log = createLogger('gateway');
  const server = createGatewayServer(config);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.PORT, config.HOST, resolve));
  log.info({ host: config.HOST, port: config.PORT, commandApi: config.COMMAND_API_URL, queryApi: config.QUERY_API_URL, chat: config.CHAT_URL ?? null }, 'gateway listening');

  const stop = (signal: string) => {
    log.info({ signal }, 'gateway stopping');
    server.close(() => void telemetry.shutdown().finally(() => process.exit(0)));
    server.closeIdleConnections();
    // Open SSE streams would hold close() forever; cut them after a grace period.
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', stop).once('SIGINT', stop);
}

main().catch((error) => {
  createLogger('gateway').fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
  process.exit(1);
});
