import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEventRegistry } from '@ragstream/contracts';
import { createTestDatabase, createTestEventStream, TEST_DATABASE_URL, TEST_NATS_URL, type TestDatabase, type TestEventStream } from '@ragstream/testing';
import { AppProcesses, type RunningApp } from './app-processes';
import { JsonClient } from './http-client';
import { progress } from './load';

export interface BenchPlatformOptions {
  readonly logLevel: string;
  readonly logDir?: string;
  readonly maxSockets: number;
  /** How many command-api processes to start; requests go round robin over them. */
  readonly commandInstances: number;
  /** Every app writes a CPU profile into the log directory when it stops. */
  readonly cpuProf?: boolean;
}

/**
 * The three apps over a private stream and schema, as in test/e2e/platform-harness.ts, but as
 * separate processes: on one event loop the load generator's own work (serialising, timing,
 * parsing answers of 32 clients) would queue behind the apps' work and inflate every latency,
 * and the apps would be measured without the HTTP socket path they have in production.
 */
export class BenchPlatform {
  private constructor(
    readonly events: TestEventStream,
    readonly db: TestDatabase,
    private readonly processes: AppProcesses,
    readonly commands: RunningApp[],
    readonly query: RunningApp,
    readonly projector: RunningApp,
    readonly commandClient: JsonClient,
    readonly queryClient: JsonClient,
    readonly logDir: string,
    private readonly temporaryLogDir: boolean,
  ) {}

  static async start(options: BenchPlatformOptions): Promise<BenchPlatform> {
    const [db, events] = await Promise.all([createTestDatabase(), createTestEventStream(createEventRegistry())]);
    const logDir = options.logDir ? path.resolve(options.logDir) : mkdtempSync(path.join(os.tmpdir(), 'ragstream-bench-'));
    mkdirSync(logDir, { recursive: true });
    progress(`private stream ${events.stream}, schema ${db.schema}; app logs in ${logDir}`);
    const processes = new AppProcesses(
      {
        NODE_ENV: 'production',
        LOG_LEVEL: options.logLevel,
        NATS_URL: TEST_NATS_URL,
        DATABASE_URL: TEST_DATABASE_URL,
        EVENTS_STREAM: events.stream,
        EVENTS_SUBJECT_PREFIX: events.subjectPrefix,
        DB_SCHEMA: db.schema,
        JWT_SECRET: randomBytes(32).toString('hex'),
        JWT_ACCESS_TTL_SECONDS: '7200',
        HASH_PEPPER: randomBytes(32).toString('hex'),
        PII_MASTER_KEY: randomBytes(32).toString('hex'),
      },
      logDir,
      options.cpuProf,
    );
    try {
      // The projector first: it creates the read-model tables and consumers the others rely on.
      const projector = await processes.start('projector');
      const commandNames = Array.from({ length: options.commandInstances }, (_, i) => (i === 0 ? 'command-api' : `command-api-${i + 1}`));
      const [query, ...commands] = await Promise.all([
        processes.start('query-api'),
        ...commandNames.map((name) => processes.start('command-api', name)),
      ]);
      progress(`apps ready: ${commands.map((c) => `${c.name} ${c.url} (pid ${c.pid})`).join(', ')}, query-api ${query.url}, projector ${projector.url}`);
      return new BenchPlatform(
        events,
        db,
        processes,
        commands,
        query,
        projector,
        new JsonClient(commands.map((c) => c.url), options.maxSockets),
        new JsonClient(query.url, options.maxSockets),
        logDir,
        !options.logDir,
      );
    } catch (error) {
      await processes.stopAll();
      await events.dispose();
      await db.dispose();
      throw error;
    }
  }

  /** Signs up a fresh tenant and logs its owner in; returns the bearer token and the first workspace. */
  async signUpAndLogIn(): Promise<{ token: string; tenantId: string; workspaceId: string; position: number }> {
    const email = `bench-${Date.now()}-${randomBytes(3).toString('hex')}@example.test`;
    const password = 'correct horse battery staple';
    const body = { email, password, name: 'Bench owner', tenantName: 'Bench inc', workspaceName: 'General' };
    const signUp = await this.commandClient.expect(201, 'POST', '/v1/auth/signup', {}, body);
    const login = await this.commandClient.expect(200, 'POST', '/v1/auth/login', {}, { email, password });
    return { token: login.accessToken, tenantId: signUp.tenantId, workspaceId: signUp.workspaceId, position: login.position };
  }

  /**
   * Waits until the identity projection has applied everything in the stream, so one phase's
   * backlog (a raw publish outruns the projector) does not run into the next phase's measurement.
   */
  async quiesce(auth: Record<string, string>, timeoutMs = 120_000): Promise<void> {
    const head = await this.events.store.headPosition();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // The query API holds this for up to READ_YOUR_WRITES_TIMEOUT_MS, then answers 503.
      const response = await this.queryClient.request('GET', '/v1/me', { ...auth, 'x-min-position': String(head) });
      if (response.status === 200) return;
      if (response.status !== 503 || Date.now() > deadline) throw new Error(`projector did not reach ${head}: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }

  /** Freezes (SIGSTOP) or resumes the projector; JetStream keeps what it has not pulled yet. */
  pauseProjector(paused: boolean): void {
    this.processes.signal(this.projector, paused ? 'SIGSTOP' : 'SIGCONT');
  }

  /** Stops the apps, then deletes the private stream and drops the schema. */
  async close(keepLogs: boolean): Promise<void> {
    this.commandClient.close();
    this.queryClient.close();
    await this.processes.stopAll();
    await this.events.dispose();
    await this.db.dispose();
    if (this.temporaryLogDir && !keepLogs) rmSync(this.logDir, { recursive: true, force: true });
  }
}
