import type { FastifyReply } from 'fastify';

/** The client went away before the answer was complete. */
export class ClientDisconnected extends Error {
  constructor() {
    super('the client disconnected');
    this.name = 'ClientDisconnected';
  }
}

/**
 * An abort signal that fires when the client closes the connection before the response ended, so
 * the model call is cancelled instead of running for nobody.
 */
export function disconnectSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new ClientDisconnected());
  });
  return controller.signal;
}

// A model can think for a while before its first token; a comment line keeps proxies from calling the stream idle.
const HEARTBEAT_MS = 15_000;

/** A Server-Sent Events response written straight to the socket (Fastify no longer manages the reply). */
export class SseStream {
  private readonly heartbeat: NodeJS.Timeout;

  private constructor(private readonly reply: FastifyReply) {
    this.heartbeat = setInterval(() => this.open && reply.raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
    reply.raw.once('close', () => clearInterval(this.heartbeat));
  }

  static open(reply: FastifyReply): SseStream {
    // Headers set by hooks (the correlation id) are carried over by hand once the reply is hijacked.
    const inherited = reply.getHeaders() as Record<string, string>;
    reply.hijack();
    reply.raw.writeHead(200, {
      ...inherited,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.flushHeaders();
    return new SseStream(reply);
  }

  get open(): boolean {
    return !this.reply.raw.writableEnded && !this.reply.raw.destroyed;
  }

  /** `event: <name>` with one JSON data line. */
  event(name: string, data: unknown): void {
    if (this.open) this.reply.raw.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A bare `data:` line, as OpenAI's stream format has them. */
  data(payload: string): void {
    if (this.open) this.reply.raw.write(`data: ${payload}\n\n`);
  }

  end(): void {
    clearInterval(this.heartbeat);
    if (this.open) this.reply.raw.end();
  }
}

/** True when the client asked for a stream: `Accept: text/event-stream`, or `stream: true` in the body. */
export function wantsStream(accept: string | undefined, bodyFlag: boolean | undefined): boolean {
  return bodyFlag === true || (accept ?? '').includes('text/event-stream');
}
