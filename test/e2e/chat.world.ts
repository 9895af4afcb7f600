import { randomBytes } from 'node:crypto';
import { eventually } from '@ragstream/testing';
import { chatCorpus } from './chat.fixtures';
import { Platform, newTenant, type ApiResponse } from './platform-harness';
import { postSse, type SseResponse } from './sse-client';

export type Tenant = Awaited<ReturnType<typeof newTenant>>;
export type Caller = { token?: string; apiKey?: string };
export type Role = 'owner' | 'admin' | 'editor' | 'reader';

const headersOf = (caller: Caller): Record<string, string> =>
  caller.token ? { authorization: `Bearer ${caller.token}` } : caller.apiKey ? { 'x-api-key': caller.apiKey } : {};

/** A platform with chat, tenant acme and the chat corpus ingested into its General workspace and indexed. */
export class ChatWorld {
  private constructor(
    readonly platform: Platform,
    readonly acme: Tenant,
    readonly documents: Record<keyof typeof chatCorpus, string>,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<ChatWorld> {
    const platform = await Platform.start(overrides);
    const acme = await newTenant(platform, 'acme');
    const documents = {} as Record<keyof typeof chatCorpus, string>;
    let last = 0;
    for (const [name, doc] of Object.entries(chatCorpus)) {
      const accepted = await platform.call('POST', `/v1/workspaces/${acme.workspaceId}/documents`, { token: acme.token, body: doc });
      if (accepted.status !== 202) throw new Error(`ingest failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
      documents[name as keyof typeof chatCorpus] = accepted.body.documentId;
      last = Math.max(last, accepted.body.position);
    }
    const world = new ChatWorld(platform, acme, documents);
    await world.indexed(acme, last);
    return world;
  }

  owner(): Caller {
    return { token: this.acme.token };
  }

  /** Waits until the search index has applied `position`. */
  async indexed(caller: Caller, position: number): Promise<void> {
    const probe = async () => ((await this.platform.call('POST', '/v1/search', { ...caller, body: { query: 'anything', minPosition: position } })).status === 200 ? true : undefined);
    await eventually(probe, 30_000, `search at ${position}`);
  }

  /** A new user of acme with `role` in the General workspace, signed in. */
  async member(role: Role): Promise<Caller & { userId: string }> {
    const email = `${role}-${randomBytes(4).toString('hex')}@example.test`;
    const invite = await this.platform.call('POST', `/v1/workspaces/${this.acme.workspaceId}/members`, { token: this.acme.token, body: { email, name: `A ${role}`, role } });
    if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
    const password = `${role} password 123`;
    const accepted = await this.platform.call('POST', '/v1/invitations/accept', { body: { token: invite.body.invitationToken, password } });
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    const login = await this.platform.call('POST', '/v1/auth/login', { body: { email, password } });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
    return { token: login.body.accessToken, userId: invite.body.userId };
  }

  async conversation(caller: Caller = this.owner(), workspaceId = this.acme.workspaceId): Promise<string> {
    const started = await this.platform.call('POST', '/v1/conversations', { ...caller, body: { workspaceId, title: 'Questions' } });
    if (started.status !== 201) throw new Error(`start failed: ${started.status} ${JSON.stringify(started.body)}`);
    return started.body.conversationId;
  }

  ask(conversationId: string, content: string, caller: Caller = this.owner(), extra: Record<string, unknown> = {}): Promise<ApiResponse> {
    return this.platform.call('POST', `/v1/conversations/${conversationId}/messages`, { ...caller, body: { content, ...extra } });
  }

  askStream(conversationId: string, content: string, caller: Caller = this.owner(), extra: Record<string, unknown> = {}): Promise<SseResponse> {
    const path = `/v1/conversations/${conversationId}/messages`;
    return postSse(`${this.platform.urlFor('POST', path)}${path}`, { content, ...extra }, headersOf(caller));
  }

  /** POSTs to any chat path for an event stream. */
  stream(path: string, body: unknown, caller: Caller = this.owner()): Promise<SseResponse> {
    return postSse(`${this.platform.urlFor('POST', path)}${path}`, body, headersOf(caller));
  }

  /** The conversation as its reader sees it once the read model reached `position`. */
  read(conversationId: string, position: number, caller: Caller = this.owner()) {
    return this.platform.call('GET', `/v1/conversations/${conversationId}`, { ...caller, headers: { 'x-min-position': String(position) } });
  }

  headers(caller: Caller): Record<string, string> {
    return headersOf(caller);
  }

  close(): Promise<void> {
    return this.platform.close();
  }
}
