import { attachmentDisposition, downloadName, safeMediaType } from './download-headers';

describe('download headers', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Q3 "report" – Zürich.txt')).toBe(`attachment; filename="Q3 _report_ _ Z_rich.txt"; filename*=UTF-8''Q3%20%22report%22%20%E2%80%93%20Z%C3%BCrich.txt`);
    expect(attachmentDisposition("it's (100%)*.md")).toBe(`attachment; filename="it's (100_)*.md"; filename*=UTF-8''it%27s%20%28100%25%29%2A.md`);
  });

  it('never lets a name carry header syntax or a path', () => {
    expect(attachmentDisposition('a\r\nSet-Cookie: x\\y.txt')).not.toMatch(/[\r\n]/);
    expect(downloadName('../../etc/passwd', 't', 'text')).toBe('.._.._etc_passwd');
    expect(downloadName('line\r\nbreak.txt', 't', 'text')).toBe('linebreak.txt');
    expect(downloadName('..', 'Title', 'pdf')).toBe('document.pdf');
  });

  it('names a document without a file name after its title and format', () => {
    expect(downloadName(null, 'Espresso handbook', 'markdown')).toBe('Espresso handbook.md');
    expect(downloadName(null, 'a/b', 'text')).toBe('a_b.txt');
  });

  it('keeps well-formed media types and replaces anything else', () => {
    expect(safeMediaType('text/plain; charset=utf-8')).toBe('text/plain; charset=utf-8');
    expect(safeMediaType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toContain('vnd.openxml');
    expect(safeMediaType('text/html\r\nX-Evil: 1')).toBe('application/octet-stream');
    expect(safeMediaType('')).toBe('application/octet-stream');
  });
});
