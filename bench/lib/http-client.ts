import http from 'node:http';

export interface JsonResponse<T = any> {
  readonly status: number;
  readonly body: T;
}

/**
 * A minimal JSON client over keep-alive sockets (one per concurrent client at most), so the
 * measurement holds request handling, not TCP handshakes. Plain node:http keeps the load
 * generator's own cost per request small and predictable. With several base URLs (instances of
 * one app) requests go round robin, as a load balancer would spread them.
 */
export class JsonClient {
  private readonly agent: http.Agent;
  private readonly targets: { host: string; port: number }[];
  private turn = 0;

  constructor(baseUrls: string | readonly string[], maxSockets: number) {
    this.targets = [baseUrls].flat().map((base) => {
      const url = new URL(base);
      return { host: url.hostname, port: Number(url.port) };
    });
    // The agent pools per host:port, so every instance gets up to maxSockets connections.
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  request<T = any>(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<JsonResponse<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const all: http.OutgoingHttpHeaders = { accept: 'application/json', ...headers };
    if (payload) {
      all['content-type'] = 'application/json';
      all['content-length'] = payload.length;
    }
    const target = this.targets[this.turn++ % this.targets.length];
    return new Promise((resolve, reject) => {
      const request = http.request({ ...target, method, path, headers: all, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
          } catch (error) {
            reject(new Error(`${method} ${path}: ${response.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`));
          }
        });
      });
      request.on('error', reject);
      request.end(payload);
    });
  }

  /** Like request, but anything other than `expected` is an error carrying the problem body. */
  async expect<T = any>(expected: number, method: string, path: string, headers?: Record<string, string>, body?: unknown): Promise<T> {
    const response = await this.request<T>(method, path, headers, body);
    if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    return response.body;
  }

  close(): void {
    this.agent.destroy();
  }
}
