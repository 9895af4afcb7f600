import type { PromptMessage } from './chat-provider.types';
import { promptToWire } from './prompt-wire';

const round: PromptMessage[] = [
  { role: 'system', content: 'Answer from the sources.' },
  { role: 'user', content: 'Where do foxes live?' },
  { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'search_knowledge', arguments: { query: 'fox habitat' } }] },
  { role: 'tool', toolCallId: 'call_1', content: '[1] Foxes live in forests.' },
];

describe('promptToWire', () => {
  it('keeps tool rounds as tool calls and tool turns when tools are sent', () => {
    expect(promptToWire(round, true)).toEqual([
      { role: 'system', content: 'Answer from the sources.' },
      { role: 'user', content: 'Where do foxes live?' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'search_knowledge', arguments: '{"query":"fox habitat"}' }] },
      { role: 'tool', toolCallId: 'call_1', content: '[1] Foxes live in forests.' },
    ]);
  });

  it('turns tool rounds into plain text for a server without tools, keeping the results', () => {
    expect(promptToWire(round, false)).toEqual([
      { role: 'system', content: 'Answer from the sources.' },
      { role: 'user', content: 'Where do foxes live?' },
      { role: 'user', content: 'Tool result:\n[1] Foxes live in forests.' },
    ]);
  });
});
