export interface StepResult {
  readonly step: string;
  readonly detail: string;
  readonly ms: number;
  readonly data?: Record<string, unknown>;
}

/**
 * Progress as steps complete. Text mode prints them on stdout; `--json` moves them to stderr and
 * prints one JSON document on stdout at the end, so scripts can parse stdout as a whole.
 */
export class Output {
  private readonly steps: StepResult[] = [];

  constructor(readonly json: boolean) {}

  /** Runs one step and reports it when it completes. */
  async step<T>(step: string, run: () => Promise<T>, describe: (result: T) => string, data?: (result: T) => Record<string, unknown>): Promise<T> {
    const started = Date.now();
    const result = await run();
    const done: StepResult = { step, detail: describe(result), ms: Date.now() - started, data: data?.(result) };
    this.steps.push(done);
    (this.json ? process.stderr : process.stdout).write(`✓ ${done.detail} (${done.ms} ms)\n`);
    return result;
  }

  succeed(command: string): void {
    if (this.json) process.stdout.write(`${JSON.stringify({ ok: true, command, steps: this.steps })}\n`);
  }

  fail(command: string, error: { code: string; message: string; hint?: string; [key: string]: unknown }): void {
    if (this.json) {
      process.stdout.write(`${JSON.stringify({ ok: false, command, error, steps: this.steps })}\n`);
      return;
    }
    // An unexpected failure keeps its stack; expected ones (config, services) read as one line plus a hint.
    const text = typeof error.stack === 'string' ? error.stack : error.message;
    process.stderr.write(`✗ ${text}\n${error.hint ? `  ${error.hint}\n` : ''}`);
  }
}
