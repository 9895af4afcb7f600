import { createLogger } from './logger';
import { startTelemetry, type TraceExporter } from './telemetry';

interface Listening {
  listen(options: { port: number; host: string }): Promise<unknown>;
  getHttpServer(): { on(event: 'close', listener: () => void): unknown };
}

interface ServiceConfig {
  readonly PORT: number;
  readonly HOST: string;
  readonly OTEL_TRACES_EXPORTER: TraceExporter;
  readonly OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}

/**
 * The `main` of every HTTP app: parse config, start telemetry, and only then load the app (so
 * the HTTP and pg instrumentations patch their modules first), listen, and exit 1 on a failed start.
 */
export function runService<C extends ServiceConfig>(name: string, loadConfig: () => C, loadApp: () => Promise<(config: C) => Promise<Listening>>): void {
  const log = createLogger(name);
  const start = async () => {
    const config = loadConfig();
    const telemetry = startTelemetry(name, { exporter: config.OTEL_TRACES_EXPORTER, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
    const app = await (await loadApp())(config);
    await app.listen({ port: config.PORT, host: config.HOST });
    log.info({ port: config.PORT }, `${name} listening`);
    app.getHttpServer().on('close', () => void telemetry.shutdown());
  };
  start().catch((error) => {
    log.fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
    process.exit(1);
  });
}
