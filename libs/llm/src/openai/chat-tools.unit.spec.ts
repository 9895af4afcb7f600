import { ChatChunkWire, ChatCompletionWire, toChatCompletion, toChatDelta } from './chat-completion.schema';
import { chatRequestBody } from './chat-completion.types';

const search = { name: 'search_knowledge', description: 'Search the knowledge base', parameters: { type: 'object', properties: { query: { type: 'string' } } } };

describe('tool calling on the OpenAI wire', () => {
  it('sends tools, tool_choice, assistant tool_calls and tool results in OpenAI shape', () => {
    const body = chatRequestBody(
      {
        model: 'm',
        tools: [search],
        toolChoice: { name: 'search_knowledge' },
        messages: [
          { role: 'user', content: 'find foxes' },
          { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'search_knowledge', arguments: '{"query":"fox"}' }] },
          { role: 'tool', toolCallId: 'call_1', content: '[1] the fox jumps' },
        ],
      },
      true,
    );
    expect(body).toMatchObject({
      tools: [{ type: 'function', function: search }],
      tool_choice: { type: 'function', function: { name: 'search_knowledge' } },
      messages: [
        { role: 'user', content: 'find foxes' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'search_knowledge', arguments: '{"query":"fox"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '[1] the fox jumps' },
      ],
    });
  });

  it('sends no tools field at all without tools', () => {
    const body = JSON.parse(JSON.stringify(chatRequestBody({ model: 'm', messages: [{ role: 'user', content: 'hi' }], tools: [] }, false)));
    expect(body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: false });
  });

  it('reads tool calls of a completion, with object arguments as JSON text and a made-up id when missing', () => {
    const wire = ChatCompletionWire.parse({
      choices: [
        {
          message: { content: null, tool_calls: [{ type: 'function', function: { name: 'search_knowledge', arguments: { query: 'fox' } } }] },
          finish_reason: 'tool_calls',
        },
      ],
    });
    expect(toChatCompletion(wire)).toMatchObject({ content: '', finishReason: 'tool_calls', toolCalls: [{ id: 'call_0', name: 'search_knowledge', arguments: '{"query":"fox"}' }] });
  });

  it('reads streamed tool call fragments by index, defaulting a missing index to the position', () => {
    const head = toChatDelta(ChatChunkWire.parse({ choices: [{ delta: { tool_calls: [{ index: 1, id: 'call_2', type: 'function', function: { name: 'lookup', arguments: '' } }] } }] }));
    const piece = toChatDelta(ChatChunkWire.parse({ choices: [{ delta: { tool_calls: [{ function: { arguments: '{"q":' } }] } }] }));
    expect(head.toolCalls).toEqual([{ index: 1, id: 'call_2', name: 'lookup', arguments: '' }]);
    expect(piece.toolCalls).toEqual([{ index: 0, arguments: '{"q":' }]);
    expect(toChatDelta(ChatChunkWire.parse({ choices: [{ delta: { content: 'hi' } }] })).toolCalls).toBeUndefined();
  });
});
