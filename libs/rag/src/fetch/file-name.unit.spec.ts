import { fileNameFromDisposition, fileNameFromUrl } from './file-name';

describe('file names', () => {
  it.each([
    ['attachment; filename="report.pdf"', 'report.pdf'],
    ['attachment; filename=plain.txt', 'plain.txt'],
    [`attachment; filename="fallback.pdf"; filename*=UTF-8''Gr%C3%BC%C3%9Fe.pdf`, 'Grüße.pdf'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['inline', undefined],
    [undefined, undefined],
  ])('Content-Disposition %j names %j', (header, name) => {
    expect(fileNameFromDisposition(header)).toBe(name);
  });

  it('falls back to the last URL path segment', () => {
    expect(fileNameFromUrl(new URL('https://x.io/docs/My%20Notes.md?v=2'))).toBe('My Notes.md');
    expect(fileNameFromUrl(new URL('https://x.io/'))).toBeUndefined();
  });
});
