import { ProviderResponseError } from '../provider.errors';
import { ToolCallAssembler } from './tool-call.assembler';

describe('ToolCallAssembler', () => {
  it('joins argument fragments per index and returns the calls in index order', () => {
    const calls = new ToolCallAssembler('p');
    calls.add([{ index: 1, id: 'call_b', name: 'lookup', arguments: '' }]);
    calls.add([{ index: 0, id: 'call_a', name: 'search', arguments: '{"query":' }]);
    calls.add([{ index: 0, arguments: '"fox"}' }, { index: 1, arguments: '{"id":7}' }]);
    expect(calls.finish()).toEqual([
      { id: 'call_a', name: 'search', arguments: { query: 'fox' } },
      { id: 'call_b', name: 'lookup', arguments: { id: 7 } },
    ]);
  });

  it('keeps the first id and name when a server repeats them, and reads empty arguments as {}', () => {
    const calls = new ToolCallAssembler('p');
    calls.add([{ index: 0, id: 'call_1', name: 'now', arguments: '' }]);
    calls.add([{ index: 0, id: 'call_1', name: 'now', arguments: ' ' }]);
    expect(calls.finish()).toEqual([{ id: 'call_1', name: 'now', arguments: {} }]);
  });

  it('refuses arguments that are not a JSON object, and calls without a name', () => {
    const broken = new ToolCallAssembler('p');
    broken.add([{ index: 0, id: 'c', name: 'search', arguments: '{"query": "fo' }]);
    expect(() => broken.finish()).toThrow(ProviderResponseError);
    expect(() => broken.finish()).toThrow(/arguments of tool call search are not a JSON object/);

    const list = new ToolCallAssembler('p');
    list.add([{ index: 0, id: 'c', name: 'search', arguments: '[1]' }]);
    expect(() => list.finish()).toThrow(/not a JSON object/);

    const nameless = new ToolCallAssembler('p');
    nameless.add([{ index: 0, id: 'c', arguments: '{}' }]);
    expect(() => nameless.finish()).toThrow(/no function name/);
  });
});
