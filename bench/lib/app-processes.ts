import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export type AppName = 'command-api' | 'query-api' | 'projector';

export interface RunningApp {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  readonly logFile: string;
}

/** dist/ (this file is dist/bench/lib/app-processes.js once built). */
const distRoot = path.resolve(__dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The built apps as child processes, started like the production image starts them
 * (`node --enable-source-maps dist/apps/<app>/src/main.js`), each with its own event loop.
 */
export class AppProcesses {
  private readonly children: { app: RunningApp; child: ChildProcess }[] = [];

  constructor(
    private readonly env: Record<string, string>,
    private readonly logDir: string,
    /** Each app writes a V8 CPU profile, `<instance>.cpuprofile` in the log directory, when it exits. */
    private readonly cpuProf = false,
  ) {}

  async start(app: AppName, instance: string = app): Promise<RunningApp> {
    const port = await freePort();
    const logFile = path.join(this.logDir, `${instance}.log`);
    const fd = openSync(logFile, 'a');
    const entry = path.join(distRoot, 'apps', app, 'src', 'main.js');
    const profile = this.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${this.logDir}`, `--cpu-prof-name=${instance}.cpuprofile`] : [];
    const child = spawn(process.execPath, ['--enable-source-maps', ...profile, entry], {
      cwd: this.logDir,
      env: { ...process.env, ...this.env, PORT: String(port), HOST: '127.0.0.1', SERVICE_NAME: instance },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    const running = { name: instance, url: `http://127.0.0.1:${port}`, pid: child.pid!, logFile };
    this.children.push({ app: running, child });
    await this.waitReady(running, child);
    return running;
  }

  private async waitReady(app: RunningApp, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${app.name} exited (${child.exitCode}) before it was ready:\n${tail(app.logFile)}`);
      try {
        const response = await fetch(`${app.url}/readyz`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      }
      await delay(200);
    }
    throw new Error(`${app.name} not ready after ${timeoutMs} ms (${last}):\n${tail(app.logFile)}`);
  }

  /** SIGSTOP or SIGCONT to one of the apps this object started. */
  signal(app: RunningApp, signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.children.find((c) => c.app === app)?.child.kill(signal);
  }

  /** SIGTERM (graceful: the apps drain NATS and close pools), SIGKILL after 10 s. */
  async stopAll(): Promise<void> {
    await Promise.all(
      this.children.reverse().map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGCONT'); // a paused app would hold SIGTERM until resumed
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
