import { eventually } from '@ragstream/testing';
import { DocumentSeeder, type Seeded } from './document-seeder';
import { corpus } from './documents-query.fixtures';
import { Platform, newTenant } from './platform-harness';

export type Tenant = Awaited<ReturnType<typeof newTenant>>;
export type Caller = { token?: string; apiKey?: string; headers?: Record<string, string> };

export const ids = (items: { documentId: string }[]) => items.map((i) => i.documentId);

/** A platform with tenant acme, its workspaces General and Research, and the corpus seeded and indexed. */
export class CorpusWorld {
  private constructor(
    readonly platform: Platform,
    readonly acme: Tenant,
    readonly research: string,
    readonly seed: DocumentSeeder,
    readonly docs: Record<keyof typeof corpus, Seeded>,
  ) {}

  static async start(): Promise<CorpusWorld> {
    const platform = await Platform.start();
    const acme = await newTenant(platform, 'acme');
    const research = (await platform.call('POST', '/v1/workspaces', { token: acme.token, body: { name: 'Research' } })).body.workspaceId;
    const seed = new DocumentSeeder(platform.eventStore, await platform.contentStore(), acme.tenantId, acme.userId);
    const docs = {} as Record<keyof typeof corpus, Seeded>;
    for (const [name, doc] of Object.entries(corpus)) {
      docs[name as keyof typeof corpus] = await seed.ingest(name === 'protocol' ? research : acme.workspaceId, doc);
    }
    const world = new CorpusWorld(platform, acme, research, seed, docs);
    await world.indexed(Math.max(...Object.values(docs).map((d) => d.position)));
    return world;
  }

  owner(): Caller {
    return { token: this.acme.token };
  }

  /** The caller, asking to read at least `position` (X-Min-Position). */
  at(position: number, caller: Caller = this.owner()): Caller {
    return { ...caller, headers: { ...caller.headers, 'x-min-position': String(position) } };
  }

  get(path: string, caller: Caller = this.owner()) {
    return this.platform.call('GET', path, caller);
  }

  find(body: Record<string, unknown>, caller: Caller = this.owner()) {
    return this.platform.call('POST', '/v1/search', { ...caller, body });
  }

  /** A GET whose body is read as bytes, not text. */
  async download(path: string, caller: Caller = this.owner()) {
    const headers: Record<string, string> = { ...caller.headers };
    if (caller.token) headers.authorization = `Bearer ${caller.token}`;
    if (caller.apiKey) headers['x-api-key'] = caller.apiKey;
    const response = await fetch(`${this.platform.queryUrl.replace('[::1]', '127.0.0.1')}${path}`, { headers });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  /** Waits until the search index has applied `position` (each search waits up to the read-your-writes timeout). */
  indexed(position: number): Promise<true> {
    const probe = async () => ((await this.find({ query: 'anything', minPosition: position })).status === 200 ? (true as const) : undefined);
    return eventually(probe, 30_000, `search at ${position}`);
  }

  close(): Promise<void> {
    return this.platform.close();
  }
}
