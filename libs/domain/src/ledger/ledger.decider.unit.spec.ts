import { ledgerEvents, EventRegistry, type LedgerEvent } from '@ragstream/contracts';
import { spec } from '@ragstream/testing';
import { asSystem, asUser, id } from '../testing/identity.fixtures';
import type { LedgerCommand } from './ledger.commands';
import { ledgerDecider } from './ledger.decider';

const ROOT = 'a'.repeat(64);
const data = (upToPosition: number, root = ROOT) => ({ upToPosition, aggregates: 2, commits: 5, root });
const record = (upToPosition: number, root = ROOT, metadata = asSystem()): LedgerCommand => ({ type: 'RecordCheckpoint', data: data(upToPosition, root), metadata });
const checkpointed = (upToPosition: number, root = ROOT): LedgerEvent => ({ type: 'ledger.checkpointed', data: data(upToPosition, root) });

describe('ledger decider', () => {
  const given = spec(ledgerDecider, { registry: new EventRegistry(ledgerEvents) }).given;

  it('records a first checkpoint', () =>
    given([]).when(record(10)).then([checkpointed(10)], (state) => expect(state).toEqual({ checkpoints: 1, upToPosition: 10, root: ROOT })));
  it('records a later one', () => given([checkpointed(10)]).when(record(20, 'b'.repeat(64))).then([checkpointed(20, 'b'.repeat(64))]));
  it('changes nothing for the same position and root', () => given([checkpointed(10)]).when(record(10)).then([]));
  it('refuses another root for a position already recorded', () =>
    given([checkpointed(10)]).when(record(10, 'c'.repeat(64))).thenThrows('LEDGER.ROOT_CHANGED', 'conflict'));
  it('refuses a checkpoint behind the last one', () => given([checkpointed(10)]).when(record(5)).thenThrows('LEDGER.CHECKPOINT_BEHIND', 'conflict'));
  it('accepts checkpoints from the platform only', () => given([]).when(record(10, ROOT, asUser(id(1)))).thenThrows('LEDGER.FORBIDDEN', 'forbidden'));
});
