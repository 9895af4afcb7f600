import { type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerChat, answerEmbeddings, sendJson } from './fake-openai.routes';

/** What the fake server saw of one request. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body ({} when there was none). */
  readonly body: Readonly<Record<string, unknown>>;
}

/** An HTTP failure the fake answers with instead of the real response. */
export interface FakeFailure {
  readonly status: number;
  readonly headers?: Record<string, string>;
}

/**
 * A local OpenAI-compatible server for tests (embeddings, chat completions with SSE streaming)
 * that records every request and can be told to fail: a test asserts on what it saw.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  /** Length of returned vectors unless the request names `dimensions`. */
  embeddingDimensions = 8;
  /** When set, a stream's connection is cut after this many chunks. */
  cutStreamAfterChunks?: number;
  private queuedFailures: FakeFailure[] = [];
  private permanentFailure?: FakeFailure;

  private constructor(private readonly server: Server, readonly baseUrl: string) {}

  /** Listens on an ephemeral port of 127.0.0.1; `baseUrl` ends in `/v1`. */
  static async start(): Promise<FakeOpenAiServer> {
    let fake: FakeOpenAiServer | undefined;
    // A malformed test request must not crash the test process with an unhandled rejection.
    const server = createServer((req, res) => void fake?.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeOpenAiServer(server, `http://127.0.0.1:${port}/v1`);
    return fake;
  }

  /** The next `count` requests get `failure`. */
  failNext(count: number, failure: FakeFailure): void {
    this.queuedFailures.push(...Array<FakeFailure>(count).fill(failure));
  }

  /** Every request gets `failure` until `heal()`. */
  failAlways(failure: FakeFailure): void {
    this.permanentFailure = failure;
  }

  heal(): void {
    this.permanentFailure = undefined;
    this.queuedFailures = [];
  }

  /** Requests that hit `path` (e.g. `/v1/embeddings`). */
  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : {};
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });

    const failure = this.queuedFailures.shift() ?? this.permanentFailure;
    if (failure) return sendJson(res, failure.status, { error: { message: `fake failure ${failure.status}` } }, failure.headers);
    if (req.method === 'POST' && path === '/v1/embeddings') return answerEmbeddings(res, body, this.embeddingDimensions);
    if (req.method === 'POST' && path === '/v1/chat/completions') return answerChat(res, body, this.cutStreamAfterChunks);
    sendJson(res, 404, { error: { message: `no route ${req.method} ${path}` } });
  }
}
