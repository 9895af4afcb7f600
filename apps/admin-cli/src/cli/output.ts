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
  private answer: unknown;
  private dataOnStdout = false;

  constructor(readonly json: boolean) {}

  /** The command's answer, the document's `result` in JSON mode; text mode prints its own view. */
  result(value: unknown): void {
    this.answer = value;
  }

  /** The command streams its data (NDJSON, a table) on stdout: the closing JSON document goes to stderr. */
  streamsToStdout(): void {
    this.dataOnStdout = true;
  }

  /** Writes text mode's view of the answer; nothing in JSON mode, where `succeed` prints the answer. */
  print(text: string): void {
    if (!this.json) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Runs one step and reports it when it completes. */
  async step<T>(step: string, run: () => Promise<T>, describe: (result: T) => string, data?: (result: T) => Record<string, unknown>): Promise<T> {
    const started = Date.now();
    const result = await run();
    const done: StepResult = { step, detail: describe(result), ms: Date.now() - started, data: data?.(result) };
    this.steps.push(done);
    (this.json || this.dataOnStdout ? process.stderr : process.stdout).write(`✓ ${done.detail} (${done.ms} ms)\n`);
    return result;
  }

  succeed(command: string): void {
    if (this.json) this.document().write(`${JSON.stringify({ ok: true, command, result: this.answer, steps: this.steps })}\n`);
  }

  fail(command: string, error: { code: string; message: string; hint?: string; [key: string]: unknown }): void {
    if (this.json) {
      this.document().write(`${JSON.stringify({ ok: false, command, error, steps: this.steps })}\n`);
      return;
    }
    // An unexpected failure keeps its stack; expected ones (config, services) read as one line plus a hint.
    const text = typeof error.stack === 'string' ? error.stack : error.message;
    process.stderr.write(`✗ ${text}\n${error.hint ? `  ${error.hint}\n` : ''}`);
  }

  private document(): NodeJS.WriteStream {
    return this.dataOnStdout ? process.stderr : process.stdout;
  }
}
