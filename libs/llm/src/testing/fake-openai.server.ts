import { type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeReply, fakeReply } from './fake-chat.reply';
import { type ChatBody, answerChat, answerEmbeddings, sendJson } from './fake-openai.routes';
import { DisconnectCounter } from './disconnect-counter';

/** What the fake server saw of one request. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body ({} when there was none). */
  readonly body: Readonly<Record<string, unknown>>;
  /** Date.now() when the body had arrived, for asserting the order and spacing of retries. */
  readonly receivedAt: number;
}

/** An HTTP failure the fake answers with instead of the real response. */
export interface FakeFailure {
  readonly status: number;
  readonly headers?: Record<string, string>;
}

/**
 * A local OpenAI-compatible server for tests (embeddings, chat completions with SSE streaming and tool calls)
 * that records every request and can be told to fail, hang, stream slowly or reject tools.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  /** Length of returned vectors unless the request names `dimensions`. */
  embeddingDimensions = 8;
  /** When set, a stream's connection is cut after this many chunks. */
  cutStreamAfterChunks?: number;
  /** Pause between stream chunks (the role chunk goes out at once). */
  streamIntervalMs = 0;
  /** The answer text instead of the echo of the last user message (scripted replies take precedence). */
  replyText?: string;
  /** Answer 400 to chat requests that carry `tools`, like servers without function calling. */
  rejectTools = false;
  /** Called with each request as it is recorded. */
  onRequest?: (request: RecordedRequest) => void;
  private readonly disconnected = new DisconnectCounter();
  private queuedFailures: FakeFailure[] = [];
  private permanentFailure?: FakeFailure;
  private replies: FakeReply[] = [];
  private hangs = 0;
  private hangForever = false;

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

  /** Responses whose client closed the connection before the response was complete. */
  get disconnects(): number {
    return this.disconnected.count;
  }

  /** Resolves once `count` clients have disconnected early; rejects after `timeoutMs`. */
  whenDisconnected(count = 1, timeoutMs = 5000): Promise<void> {
    return this.disconnected.when(count, timeoutMs);
  }

  /** The next `count` requests get `failure`. */
  failNext(count: number, failure: FakeFailure): void {
    this.queuedFailures.push(...Array<FakeFailure>(count).fill(failure));
  }

  /** Every request gets `failure` until `heal()`. */
  failAlways(failure: FakeFailure): void {
    this.permanentFailure = failure;
  }

  /** The next `count` chat requests are accepted (200, headers sent) and then never get a chunk. */
  hangNext(count: number): void {
    this.hangs += count;
  }

  /** Every chat request hangs like `hangNext` until `heal()`. */
  hangAlways(): void {
    this.hangForever = true;
  }

  /** Stops failing and hanging. */
  heal(): void {
    this.permanentFailure = undefined;
    this.queuedFailures = [];
    this.hangs = 0;
    this.hangForever = false;
  }

  /** Queues answers for the next chat requests, in order; afterwards the default echo answers again. */
  script(...replies: FakeReply[]): void {
    this.replies.push(...replies);
  }

  /** Requests that hit `path` (e.g. `/v1/embeddings`). */
  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.disconnected.stopCounting();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.disconnected.watch(res);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : {};
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const recorded = { method: req.method ?? 'GET', path, headers: req.headers, body, receivedAt: Date.now() };
    this.requests.push(recorded);
    this.onRequest?.(recorded);

    const failure = this.queuedFailures.shift() ?? this.permanentFailure;
    if (failure) return sendJson(res, failure.status, { error: { message: `fake failure ${failure.status}` } }, failure.headers);
    if (req.method === 'POST' && path === '/v1/embeddings') return answerEmbeddings(res, body, this.embeddingDimensions);
    if (req.method === 'POST' && path === '/v1/chat/completions') return this.answerChat(res, body);
    sendJson(res, 404, { error: { message: `no route ${req.method} ${path}` } });
  }

  private answerChat(res: ServerResponse, body: ChatBody): Promise<void> | void {
    if (this.rejectTools && body.tools?.length) return sendJson(res, 400, { error: { message: 'this model does not support tools' } });
    const reply = this.takeHang() ? { stallAfterChunks: 0 } : (this.replies.shift() ?? { text: this.replyText ?? fakeReply(body) });
    const delivery = { intervalMs: this.streamIntervalMs, cutAfterChunks: this.cutStreamAfterChunks, onCut: () => this.disconnected.ignore(res) };
    return answerChat(res, body, reply, delivery);
  }

  private takeHang(): boolean {
    if (this.hangForever) return true;
    if (this.hangs === 0) return false;
    this.hangs--;
    return true;
  }
}
