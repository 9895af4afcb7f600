import { conflict, type Decider, type DomainCommand, type DomainEvent } from '@ragstream/domain';
import type { CommitContext } from './commit';
import { ConcurrencyConflictError } from './event-store.errors';
import { GENESIS_HASH } from './integrity/commit-hash';
import type { JetStreamEventStore } from './jetstream-event-store';

export interface ExecuteOptions {
  readonly tenantId: string;
  readonly aggregateId: string;
  readonly context: CommitContext;
  /** The client's `If-Match` version: when given, a different current version is a 409, never retried. */
  readonly expectedVersion?: number;
}

export interface Execution<S> {
  readonly position: number;
  readonly version: number;
  readonly state: S;
  readonly events: readonly DomainEvent[];
  /** True when this commit id had been applied before: the first result is returned, nothing appended. */
  readonly replayed: boolean;
}

interface Loaded<S> {
  state: S;
  version: number;
  lastSequence: number;
  /** The hash of the last commit, so the next append chains to it without reading it again. */
  lastHash: string;
  commits: Map<string, { position: number; version: number }>;
}

/**
 * Runs the five steps of every command: load the aggregate's commits, fold them with evolve,
 * decide, append with the expected sequence, return the position. Folded state is cached per
 * subject and only newer commits are read; a conflict reloads and decides again (bounded) unless
 * the client pinned the version it saw.
 */
export class CommandExecutor {
  private readonly cache = new Map<string, Loaded<unknown>>();

  constructor(
    private readonly store: JetStreamEventStore,
    private readonly options: { cacheSize?: number; conflictRetries?: number } = {},
  ) {}

  async execute<S, C extends DomainCommand, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    command: C,
    options: ExecuteOptions,
  ): Promise<Execution<S>> {
    const subject = this.store.subjects.aggregate(options.tenantId, decider.aggregateType, options.aggregateId);
    if (!this.cache.has(subject) && (options.expectedVersion ?? 0) === 0) {
      const created = await this.tryAsNew(decider, command, subject, options);
      if (created) return created;
    }
    const retries = options.expectedVersion === undefined ? (this.options.conflictRetries ?? 3) : 0;
    for (let attempt = 0; ; attempt++) {
      const loaded = await this.load(decider, subject, options);
      const prior = loaded.commits.get(options.context.commitId);
      if (prior) return { ...prior, state: loaded.state, events: [], replayed: true };
      if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version) {
        throw conflict('AGGREGATE.VERSION_MISMATCH', `expected version ${options.expectedVersion} but it is ${loaded.version}`, {
          expectedVersion: options.expectedVersion,
          currentVersion: loaded.version,
        });
      }
      const events = decider.decide(command, loaded.state);
      if (events.length === 0) {
        return { position: loaded.lastSequence, version: loaded.version, state: loaded.state, events, replayed: false };
      }
      try {
        return await this.append(decider, subject, options, loaded, events);
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
        this.cache.delete(subject);
        if (attempt >= retries) throw error;
      }
    }
  }

  /**
   * A subject this process has not seen is most often a new aggregate (creations mint fresh ids), so
   * decide on the initial state and append at sequence 0 without reading first. Undefined, and the
   * caller loads and decides as usual, when the command needs prior state (decide throws or decides
   * nothing) or the server refuses the append because the subject has commits; that refusal is also
   * how a retried creation finds its first result once the duplicate window has passed.
   */
  private async tryAsNew<S, C extends DomainCommand, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    command: C,
    subject: string,
    options: ExecuteOptions,
  ): Promise<Execution<S> | undefined> {
    const initial = this.empty(decider);
    let events: E[];
    try {
      events = decider.decide(command, initial.state);
    } catch {
      return undefined;
    }
    if (events.length === 0) return undefined;
    try {
      return await this.append(decider, subject, options, initial, events);
    } catch (error) {
      if (error instanceof ConcurrencyConflictError) return undefined;
      throw error;
    }
  }

  private async append<S, C extends DomainCommand, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    subject: string,
    options: ExecuteOptions,
    loaded: Loaded<S>,
    events: E[],
  ): Promise<Execution<S>> {
    const result = await this.store.append({
      tenantId: options.tenantId,
      aggregateType: decider.aggregateType,
      aggregateId: options.aggregateId,
      expectedSequence: loaded.lastSequence,
      expectedVersion: loaded.version,
      events,
      context: options.context,
      previousHash: loaded.lastHash,
    });
    if (result.duplicate) {
      this.cache.delete(subject);
      const reloaded = await this.load(decider, subject, options);
      return { position: result.position, version: result.version, state: reloaded.state, events: [], replayed: true };
    }
    const state = events.reduce(decider.evolve, loaded.state);
    const commits = new Map(loaded.commits).set(options.context.commitId, { position: result.position, version: result.version });
    this.remember(subject, { state, version: result.version, lastSequence: result.position, lastHash: result.hash, commits });
    return { position: result.position, version: result.version, state, events, replayed: false };
  }

  /** Current state of an aggregate, for handlers that only need to read before deciding elsewhere. */
  async state<S>(decider: Decider<S, any, any>, tenantId: string, aggregateId: string): Promise<{ state: S; version: number }> {
    const subject = this.store.subjects.aggregate(tenantId, decider.aggregateType, aggregateId);
    const loaded = await this.load(decider, subject, { tenantId, aggregateId });
    return { state: loaded.state, version: loaded.version };
  }

  private async load<S>(
    decider: Decider<S, any, any>,
    subject: string,
    target: { tenantId: string; aggregateId: string },
  ): Promise<Loaded<S>> {
    const cached = this.cache.get(subject) as Loaded<S> | undefined;
    const base: Loaded<S> = cached ?? this.empty(decider);
    const newer = await this.store.readStream(target.tenantId, decider.aggregateType, target.aggregateId, base.lastSequence);
    if (newer.length === 0) {
      if (cached) this.remember(subject, cached);
      return base;
    }
    const loaded: Loaded<S> = { ...base, commits: new Map(base.commits) };
    for (const commit of newer) {
      loaded.state = commit.events.reduce((s, e) => decider.evolve(s, e as DomainEvent), loaded.state);
      loaded.version = commit.envelope.version;
      loaded.lastSequence = commit.position;
      loaded.lastHash = commit.hash;
      loaded.commits.set(commit.envelope.commitId, { position: commit.position, version: commit.envelope.version });
    }
    this.remember(subject, loaded);
    return loaded;
  }

  private empty<S>(decider: Decider<S, any, any>): Loaded<S> {
    return { state: decider.initialState(), version: 0, lastSequence: 0, lastHash: GENESIS_HASH, commits: new Map() };
  }

  private remember(subject: string, loaded: Loaded<unknown>): void {
    this.cache.delete(subject);
    this.cache.set(subject, loaded);
    const limit = this.options.cacheSize ?? 10_000;
    if (this.cache.size > limit) this.cache.delete(this.cache.keys().next().value as string);
  }
}
