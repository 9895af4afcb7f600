import { stripInline } from './markdown-inline';

describe('stripInline', () => {
  it.each([
    ['**strong**, __strong__, *em*, _em_ and ~~gone~~', 'strong, strong, em, em and gone'],
    ['***both***', 'both'],
    ['snake_case_name and 2*3', 'snake_case_name and 2*3'],
    ['[the docs](https://en.wikipedia.org/wiki/A_(b) "title")', 'the docs'],
    ['![a cat](cat.png) and [![badge](b.svg)](https://ci)', 'a cat and badge'],
    ['see [the spec][rfc] or <https://example.com>', 'see the spec or https://example.com'],
    ['code `a*b*c` and ``x ` y``', 'code a*b*c and x ` y'],
    ['\\*literal\\* \\[not a link\\](x)', '*literal* [not a link](x)'],
    ['one<br/>two <span class="x">three</span>', 'one\ntwo three'],
  ])('%j -> %j', (markdown, text) => {
    expect(stripInline(markdown)).toBe(text);
  });
});
