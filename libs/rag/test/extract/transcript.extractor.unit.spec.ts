import { extractDocument } from '@ragstream/rag';
import { fixture, readBlocks } from './extracted-blocks';

describe('WebVTT extraction', () => {
  it('makes one cue block per cue, with speakers and without notes, styles or settings', async () => {
    const document = await extractDocument(fixture('talk.vtt'), 'vtt');

    expect(document.text).toBe(
      'Alice: Welcome to Ragstream.\nBob Smith: Thanks & hello\nsecond line\nNo speaker here.',
    );
    expect(readBlocks(document)).toEqual([
      { kind: 'cue', text: 'Alice: Welcome to Ragstream.', startMs: 1000, endMs: 4500, headingPath: [] },
      { kind: 'cue', text: 'Bob Smith: Thanks & hello\nsecond line', startMs: 5250, endMs: 7000, headingPath: [] },
      { kind: 'cue', text: 'No speaker here.', startMs: 3_600_000, endMs: 3_602_000, headingPath: [] },
    ]);
  });

  it.each([
    ['a malformed timestamp', 'WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\n00:03,000 --> 00:04.000\nbad', 'line 6'],
    ['an end before the start', 'WEBVTT\n\n00:05.000 --> 00:02.000\nbackwards', 'line 3'],
    ['a missing header', 'Hello\n\n00:01.000 --> 00:02.000\nx', 'line 1'],
  ])('refuses %s, naming the line', async (_, vtt, line) => {
    await expect(extractDocument(Buffer.from(vtt), 'vtt')).rejects.toMatchObject({
      code: 'DOCUMENT.CORRUPT',
      reason: expect.stringContaining(line),
    });
  });
});

describe('SRT extraction', () => {
  it('makes one cue block per subtitle without indexes or formatting', async () => {
    const document = await extractDocument(fixture('talk.srt'), 'srt');

    expect(document.text).toBe('Hello there.\nTwo lines\nof text.\n42');
    expect(readBlocks(document)).toEqual([
      { kind: 'cue', text: 'Hello there.', startMs: 1000, endMs: 2500, headingPath: [] },
      { kind: 'cue', text: 'Two lines\nof text.', startMs: 3000, endMs: 5000, headingPath: [] },
      // A subtitle whose text is a number is not mistaken for the next index.
      { kind: 'cue', text: '42', startMs: 60_000, endMs: 61_000, headingPath: [] },
    ]);
  });

  it('keeps a blank line inside a subtitle in the same cue', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nafter a gap\n\n2\n00:00:03,000 --> 00:00:04,000\nnext\n';

    const document = await extractDocument(Buffer.from(srt), 'srt');

    expect(readBlocks(document).map((block) => block.text)).toEqual(['first\nafter a gap', 'next']);
  });

  it.each([
    ['a malformed timestamp', '1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:3,000 --> 00:00:04,000\nbad', 'line 6'],
    ['text before any timing', 'not a subtitle file\n', 'line 1'],
  ])('refuses %s, naming the line', async (_, srt, line) => {
    await expect(extractDocument(Buffer.from(srt), 'srt')).rejects.toMatchObject({
      code: 'DOCUMENT.CORRUPT',
      reason: expect.stringContaining(line),
    });
  });
});
