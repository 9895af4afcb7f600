import type { EventRegistry } from '@ragstream/contracts';
import { DomainError } from '@ragstream/domain';
import type { CommandMetadata, Decider, DomainCommand, DomainEvent, ErrorCategory } from '@ragstream/domain';

export interface DeciderSpecOptions {
  /** When given, every given and decided event must pass its contract (write, then read back). */
  readonly registry?: EventRegistry;
}

export interface DeciderThen<S, E> {
  /** Asserts the decided events; `assertState` then checks the state evolved from them. */
  then(expected: E[], assertState?: (state: S) => void): void;
  /** Asserts that deciding throws a DomainError with this code (and category, when given). */
  thenThrows(code: string, category?: ErrorCategory): void;
}

export interface DeciderSpecification<S, C, E> {
  given(events: E[]): { when(command: C): DeciderThen<S, E> };
}

function checkContract(registry: EventRegistry | undefined, event: DomainEvent): void {
  if (!registry) return;
  const stored = registry.forWrite(event.type, event.data);
  registry.forRead(stored.type, stored.version, stored.data);
}

/** Given/when/then for a pure decider: `spec(decider).given(events).when(command).then(events)`. */
export function spec<S, C extends DomainCommand, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  options: DeciderSpecOptions = {},
): DeciderSpecification<S, C, E> {
  const fold = (state: S, events: E[]) =>
    events.reduce((current, event) => {
      checkContract(options.registry, event);
      return decider.evolve(current, event);
    }, state);
  return {
    given: (history) => ({
      when: (command) => ({
        then(expected, assertState) {
          const state = fold(decider.initialState(), history);
          const decided = decider.decide(command, state);
          expect(decided).toEqual(expected);
          const after = fold(state, decided);
          assertState?.(after);
        },
        thenThrows(code, category) {
          const state = fold(decider.initialState(), history);
          let thrown: unknown;
          try {
            decider.decide(command, state);
          } catch (error) {
            thrown = error;
          }
          if (!(thrown instanceof DomainError)) {
            throw new Error(`expected DomainError ${code}, but ${thrown === undefined ? 'nothing was thrown' : `got ${String(thrown)}`}`);
          }
          const actual = { code: thrown.code, category: thrown.category, message: thrown.message };
          expect(actual).toMatchObject(category ? { code, category } : { code });
        },
      }),
    }),
  };
}

/** Emmett-style alias: `DeciderSpecification.for(decider)`. */
export const DeciderSpecification = { for: spec };

/** Command metadata for tests: a user actor and a fixed clock unless overridden. */
export function testMetadata(overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return {
    tenantId: '00000000-0000-4000-8000-00000000a000',
    actor: { type: 'user', id: '00000000-0000-4000-8000-00000000a001' },
    now: new Date('2030-01-01T00:00:00.000Z'),
    ...overrides,
  };
}
