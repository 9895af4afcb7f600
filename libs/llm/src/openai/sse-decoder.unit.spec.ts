import { SseDecoder } from './sse-decoder';

const STREAM = ': keep-alive\n\ndata: {"a":1}\n\nevent: note\ndata: line one\ndata: line two\n\ndata: [DONE]\n\n';

function decodeInPieces(text: string, size: number) {
  const decoder = new SseDecoder();
  const events = [];
  for (let i = 0; i < text.length; i += size) events.push(...decoder.push(text.slice(i, i + size)));
  return [...events, ...decoder.end()];
}

describe('SseDecoder', () => {
  const expected = [
    { event: 'message', data: '{"a":1}' },
    { event: 'note', data: 'line one\nline two' },
    { event: 'message', data: '[DONE]' },
  ];

  it.each([1, 2, 3, 7, 1000])('yields the same events whatever the piece size (%i)', (size) => {
    expect(decodeInPieces(STREAM, size)).toEqual(expected);
  });

  it.each([1, 5, 1000])('accepts CRLF and bare CR line endings, even split across pieces (%i)', (size) => {
    expect(decodeInPieces(STREAM.replace(/\n/g, '\r\n'), size)).toEqual(expected);
    expect(decodeInPieces(STREAM.replace(/\n/g, '\r'), size)).toEqual(expected);
  });

  it('keeps a value without the optional space, ignores unknown fields and delivers an unterminated last event', () => {
    expect(decodeInPieces('id: 7\nretry: 10\ndata:x\n\ndata: tail', 4)).toEqual([
      { event: 'message', data: 'x' },
      { event: 'message', data: 'tail' },
    ]);
  });
});
