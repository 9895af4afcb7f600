import { detectFormat, type SourceFormat } from '@ragstream/rag';
import { fixture } from './extracted-blocks';

describe('detectFormat', () => {
  const text = Buffer.from('plain words');

  it.each<[string, { mediaType?: string; fileName?: string; bytes: Buffer }, SourceFormat]>([
    ['a specific media type, over the extension', { mediaType: 'text/html; charset=utf-8', fileName: 'a.md', bytes: text }, 'html'],
    ['a +json media type', { mediaType: 'application/ld+json', bytes: text }, 'json'],
    ['the extension when the type is generic', { mediaType: 'application/octet-stream', fileName: 'Notes.MD', bytes: text }, 'markdown'],
    ['the extension when text/plain is all the browser said', { mediaType: 'text/plain', fileName: 'talk.srt', bytes: text }, 'srt'],
    ['TSV as csv', { fileName: 'people.tsv', bytes: text }, 'csv'],
    ['a PDF header', { bytes: fixture('two-pages.pdf') }, 'pdf'],
    ['a WEBVTT header', { bytes: Buffer.from('\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nhi') }, 'vtt'],
    ['an SRT cue', { bytes: Buffer.from('1\r\n00:00:01,000 --> 00:00:02,000\r\nhi') }, 'srt'],
    ['JSON', { bytes: Buffer.from(' {"a": 1}') }, 'json'],
    ['a doctype', { bytes: Buffer.from('<!DOCTYPE html><p>x</p>') }, 'html'],
    ['an html tag', { bytes: Buffer.from('  <html lang="en"><body>x</body></html>') }, 'html'],
    ['text that merely starts with a bracket', { bytes: Buffer.from('[draft] plain notes') }, 'text'],
    ['unknown text', { bytes: text }, 'text'],
  ])('uses %s', (_, hints, format) => {
    expect(detectFormat(hints)).toBe(format);
  });

  it.each([
    ['binary bytes', { fileName: 'binary.bin', bytes: fixture('binary.bin') }],
    ['binary bytes declared as text', { mediaType: 'text/plain', bytes: fixture('binary.bin') }],
    ['a media type that is not text', { mediaType: 'image/svg+xml', bytes: Buffer.from('<svg></svg>') }],
  ])('refuses %s', (_, hints) => {
    expect(() => detectFormat(hints)).toThrow(expect.objectContaining({ code: 'DOCUMENT.UNSUPPORTED_FORMAT' }));
  });
});
