import { EventRegistry, EventSchemaError } from './event-registry';
import { ledgerEvents } from './ledger.events';

describe('ledger event contracts', () => {
  const registry = new EventRegistry(ledgerEvents);
  const valid = { upToPosition: 42, aggregates: 3, commits: 17, root: 'ab'.repeat(32) };

  it('round-trips a checkpoint', () =>
    expect(registry.forRead('ledger.checkpointed', 1, registry.forWrite('ledger.checkpointed', valid).data)).toEqual({ type: 'ledger.checkpointed', data: valid }));
  it('refuses a root that is not a sha256', () =>
    expect(() => registry.forWrite('ledger.checkpointed', { ...valid, root: 'not-hex' })).toThrow(EventSchemaError));
});
