import type { LedgerEvent } from '@ragstream/contracts';
import { assertNever, conflict, forbidden, type Decider } from '../shared';
import type { LedgerCommand } from './ledger.commands';

export interface LedgerState {
  readonly checkpoints: number;
  readonly upToPosition: number;
  readonly root: string | null;
}

function decide(command: LedgerCommand, state: LedgerState): LedgerEvent[] {
  switch (command.type) {
    case 'RecordCheckpoint': {
      const { upToPosition, aggregates, commits, root } = command.data;
      if (command.metadata.actor.type !== 'system') throw forbidden('LEDGER.FORBIDDEN', 'only the platform records integrity checkpoints');
      if (upToPosition < state.upToPosition) throw conflict('LEDGER.CHECKPOINT_BEHIND', `a checkpoint up to ${state.upToPosition} exists already`);
      if (upToPosition === state.upToPosition) {
        // The same position must always give the same root: anything else means the log changed.
        if (root !== state.root) throw conflict('LEDGER.ROOT_CHANGED', `the root up to ${upToPosition} differs from the one recorded`);
        return [];
      }
      return [{ type: 'ledger.checkpointed', data: { upToPosition, aggregates, commits, root } }];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: LedgerState, event: LedgerEvent): LedgerState {
  switch (event.type) {
    case 'ledger.checkpointed':
      return { checkpoints: state.checkpoints + 1, upToPosition: event.data.upToPosition, root: event.data.root };
    default:
      return assertNever(event.type);
  }
}

/** A tenant's integrity checkpoints; the aggregate id is the tenant id. */
export const ledgerDecider: Decider<LedgerState, LedgerCommand, LedgerEvent> = {
  aggregateType: 'ledger',
  initialState: () => ({ checkpoints: 0, upToPosition: 0, root: null }),
  decide,
  evolve,
};
