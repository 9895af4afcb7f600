import { createEventRegistry } from '@ragstream/contracts';
import { deciderCatalog, deciderFor } from './decider-catalog';

describe('decider catalog', () => {
  it('finds a decider by the aggregate type of its subjects', () => expect(deciderFor('workspace')?.aggregateType).toBe('workspace'));
  it('knows no decider for an unknown type', () => expect(deciderFor('nothing')).toBeUndefined());
  it('owns the aggregate type of every event family in the registry', () => {
    const families = new Set(createEventRegistry().types().map((type) => type.split('.')[0]));
    const owned = new Set(deciderCatalog.keys());
    expect([...families].filter((family) => !owned.has(family))).toEqual([]);
  });
});
