import { CommitEnvelope } from '@ragstream/contracts';
import { GENESIS_HASH, commitHash, linkHash, type Subjects } from '@ragstream/event-store';
import type { BrokenLink } from './broken-link';
import { LEDGER_TYPE, type AggregateHead } from './checkpoint-root';

interface Head extends AggregateHead {
  readonly chained: boolean;
}

const decoder = new TextDecoder();

/**
 * Walks commits in log order and checks each against its aggregate's previous one: the stored hash
 * is the hash of the content, `prevHash` is the previous commit's hash (genesis for the first), and
 * versions are dense. Pure: the caller reads the stream and feeds it.
 */
export class ChainVerifier {
  /** Heads by tenant, then by `<type>/<id>`. */
  private readonly heads = new Map<string, Map<string, Head>>();
  private readonly tenantCommits = new Map<string, number>();
  commits = 0;
  legacyCommits = 0;

  constructor(private readonly subjects: Subjects) {}

  /** Checks one stored commit and advances its aggregate's head; the problem found, if any. */
  accept(message: { seq: number; subject: string; data: Uint8Array }): BrokenLink | undefined {
    const at = (kind: BrokenLink['kind'], text: string, expected?: string | number, found?: string | number): BrokenLink => ({
      position: message.seq, subject: message.subject, kind, message: text, expected, found,
    });
    const decoded = this.decode(message);
    if (decoded === 'body') return at('undecodable', 'the body is not a valid commit');
    if (decoded === 'subject') return at('subject-mismatch', 'the commit names another aggregate than its subject');
    const { body, envelope } = decoded;
    const tenantHeads = this.heads.get(envelope.tenantId) ?? new Map<string, Head>();
    this.heads.set(envelope.tenantId, tenantHeads);
    const key = `${envelope.aggregateType}/${envelope.aggregateId}`;
    const head = tenantHeads.get(key);
    const chained = typeof body.hash === 'string';
    if (chained && commitHash(body) !== body.hash) return at('hash-mismatch', 'the content does not match its hash', commitHash(body), body.hash as string);
    if (!chained && head?.chained) return at('hash-missing', 'a commit without hash follows chained commits of its aggregate');
    const expectedVersion = head?.version ?? 0;
    if (envelope.expectedVersion !== expectedVersion) return at('version-gap', 'versions are not dense', expectedVersion, envelope.expectedVersion);
    if (envelope.version !== envelope.expectedVersion + envelope.events.length) {
      return at('version-gap', 'the version does not count the events', envelope.expectedVersion + envelope.events.length, envelope.version);
    }
    const expectedPrev = head?.hash ?? GENESIS_HASH;
    if (chained && envelope.prevHash !== expectedPrev) return at('prev-hash-mismatch', 'prevHash is not the previous commit’s hash', expectedPrev, envelope.prevHash ?? 'none');
    tenantHeads.set(key, {
      aggregateType: envelope.aggregateType, aggregateId: envelope.aggregateId,
      version: envelope.version, hash: linkHash(body), chained,
    });
    this.commits++;
    if (!chained) this.legacyCommits++;
    if (envelope.aggregateType !== LEDGER_TYPE) this.tenantCommits.set(envelope.tenantId, (this.tenantCommits.get(envelope.tenantId) ?? 0) + 1);
    return undefined;
  }

  /** The body and envelope of a message, or what is wrong with it: not a commit, or not on its aggregate's subject. */
  private decode(message: { subject: string; data: Uint8Array }): { body: Record<string, unknown>; envelope: CommitEnvelope } | 'body' | 'subject' {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(decoder.decode(message.data));
    } catch {
      return 'body';
    }
    const parsed = CommitEnvelope.safeParse(body);
    if (!parsed.success) return 'body';
    const envelope = parsed.data;
    try {
      const address = this.subjects.parse(message.subject);
      const same = address.tenantId === envelope.tenantId && address.aggregateType === envelope.aggregateType && address.aggregateId === envelope.aggregateId;
      return same ? { body, envelope } : 'subject';
    } catch {
      return 'subject';
    }
  }

  /** Every aggregate head of a tenant but its ledger, as a checkpoint covers them. */
  headsOf(tenantId: string): AggregateHead[] {
    return [...(this.heads.get(tenantId)?.values() ?? [])].filter((h) => h.aggregateType !== LEDGER_TYPE);
  }

  /** Commits of a tenant seen so far, its ledger left out. */
  commitsOf(tenantId: string): number {
    return this.tenantCommits.get(tenantId) ?? 0;
  }

  tenants(): string[] {
    return [...this.heads.keys()];
  }

  get aggregates(): number {
    let count = 0;
    for (const tenantHeads of this.heads.values()) count += tenantHeads.size;
    return count;
  }
}
