/** A domain event as deciders see it: its type and the data of the latest schema version. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** What every command carries besides its data: who, when, and ids decided outside the domain. */
export interface CommandMetadata {
  readonly tenantId: string;
  readonly actor: { readonly type: 'user' | 'apikey' | 'system'; readonly id: string };
  readonly now: Date;
}

export interface DomainCommand<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
  readonly metadata: CommandMetadata;
}

/** A pure aggregate: no I/O, no clock, no randomness. */
export interface Decider<S, C extends DomainCommand, E extends DomainEvent> {
  readonly aggregateType: string;
  initialState(): S;
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
}

/** Ends a switch over a discriminated union so a new member is a compile error. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
