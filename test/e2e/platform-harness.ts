import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createEventRegistry } from '@ragstream/contracts';
import { ContentStore, type JetStreamEventStore } from '@ragstream/event-store';
import { createTestDatabase, createTestEventStream, TEST_DATABASE_URL, TEST_NATS_URL, uniqueSuffix, type TestDatabase, type TestEventStream } from '@ragstream/testing';
import type { DataSource } from 'typeorm';
import { createChatApp } from '../../apps/chat/src/chat.app';
import { loadChatConfig } from '../../apps/chat/src/chat.config';
import { routeFor, type UpstreamName } from '../../apps/gateway/src/routes';
import { createCommandApi } from '../../apps/command-api/src/command-api.app';
import { loadCommandApiConfig } from '../../apps/command-api/src/command-api.config';
import { createProjector } from '../../apps/projector/src/projector.app';
import { loadProjectorConfig } from '../../apps/projector/src/projector.config';
import { createQueryApi } from '../../apps/query-api/src/query-api.app';
import { loadQueryApiConfig } from '../../apps/query-api/src/query-api.config';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  apiKey?: string;
  body?: unknown;
  rawBody?: string;
  /** multipart/form-data; fetch sets the boundary. */
  form?: FormData;
  headers?: Record<string, string>;
}

/** The four apps of the platform on random ports, over a private stream and schema. */
export class Platform {
  private constructor(
    private readonly apps: NestFastifyApplication[],
    readonly commandUrl: string,
    readonly queryUrl: string,
    readonly chatUrl: string,
    private readonly disposers: (() => Promise<void>)[],
    private readonly events: TestEventStream,
    private readonly db: TestDatabase,
    private readonly contentBucket: string,
  ) {}

  /** The log itself, for tests that seed commits no HTTP route writes. */
  get eventStore(): JetStreamEventStore {
    return this.events.store;
  }

  /** The suite's own schema, for tests that hold or inspect read-model tables. */
  get database(): DataSource {
    return this.db.dataSource;
  }

  /** The suite's own object-store bucket of document content. */
  contentStore(): Promise<ContentStore> {
    return ContentStore.open(this.events.nc, this.contentBucket);
  }

  /** A commit as stored, with its headers: what the log itself says. */
  readCommit(position: number) {
    return this.events.store.readCommit(position);
  }

  static async start(overrides: Record<string, string> = {}): Promise<Platform> {
    const [db, events] = await Promise.all([createTestDatabase(), createTestEventStream(createEventRegistry())]);
    const contentBucket = `TEST_${uniqueSuffix()}`;
    const env = {
      NATS_URL: TEST_NATS_URL,
      DATABASE_URL: TEST_DATABASE_URL,
      EVENTS_STREAM: events.stream,
      EVENTS_SUBJECT_PREFIX: events.subjectPrefix,
      CONTENT_BUCKET: contentBucket,
      DB_SCHEMA: db.schema,
      DB_POOL_SIZE: '5',
      JWT_SECRET: randomBytes(32).toString('hex'),
      HASH_PEPPER: randomBytes(32).toString('hex'),
      PII_MASTER_KEY: randomBytes(32).toString('hex'),
      NODE_ENV: 'test',
      ...overrides,
    };
    const projector = await createProjector(loadProjectorConfig(env));
    const command = await createCommandApi(loadCommandApiConfig(env));
    const query = await createQueryApi(loadQueryApiConfig(env));
    const chat = await createChatApp(loadChatConfig(env));
    const apps = [projector, command, query, chat];
    for (const app of apps) await app.listen({ port: 0, host: '127.0.0.1' });
    const dropBucket = async () => void (await (await events.nc.jetstreamManager()).streams.delete(`OBJ_${contentBucket}`).catch(() => undefined));
    const disposers = [dropBucket, () => events.dispose(), () => db.dispose()];
    const url = async (app: NestFastifyApplication) => (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return new Platform(apps, await url(command), await url(query), await url(chat), disposers, events, db, contentBucket);
  }

  /** The base URL of the app the gateway would send `method path` to. */
  urlFor(method: string, path: string): string {
    const bases: Record<UpstreamName, string> = { 'command-api': this.commandUrl, 'query-api': this.queryUrl, chat: this.chatUrl };
    return bases[routeFor(method, path)];
  }

  /** Sends each request to the app the gateway would: chat, query-api (reads and search) or command-api. */
  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const base = this.urlFor(method, path);
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const payload = options.form ?? body;
    const response = await fetch(`${base.replace('[::1]', '127.0.0.1')}${path}`, { method, headers, body: payload });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return { status: response.status, body: text && json ? JSON.parse(text) : text || undefined, headers: response.headers };
  }

  async close(): Promise<void> {
    for (const app of [...this.apps].reverse()) await app.close();
    for (const dispose of this.disposers) await dispose();
  }
}

let counter = 0;

/** A fresh tenant with its owner signed in. */
export async function newTenant(platform: Platform, label = 'acme') {
  const email = `${label}-${Date.now()}-${counter++}-${randomBytes(3).toString('hex')}@example.test`;
  const password = 'correct horse battery staple';
  const signUp = await platform.call('POST', '/v1/auth/signup', {
    body: { email, password, name: `${label} owner`, tenantName: `${label} inc`, workspaceName: 'General' },
    headers: { 'idempotency-key': `signup-${randomBytes(8).toString('hex')}` },
  });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  const login = await platform.call('POST', '/v1/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { email, password, ...signUp.body, token: login.body.accessToken as string, refreshToken: login.body.refreshToken as string, position: login.body.position as number };
}
