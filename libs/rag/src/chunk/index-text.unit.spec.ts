import { indexText } from './index-text';

describe('indexText', () => {
  it('prepends the title and heading path', () => {
    expect(indexText({ text: 'Run it.', headingPath: ['Install', 'Linux'] }, 'Guide')).toBe('Guide / Install / Linux\n\nRun it.');
  });

  it('does not repeat the title or a heading the chunk starts with', () => {
    expect(indexText({ text: 'Linux\n\nRun it.', headingPath: ['Guide', 'Linux'] }, 'Guide')).toBe('Guide\n\nLinux\n\nRun it.');
    expect(indexText({ text: 'Guide\n\nAbstract.', headingPath: ['Guide'] }, 'Guide')).toBe('Guide\n\nAbstract.');
    expect(indexText({ text: 'Plain.', headingPath: [] })).toBe('Plain.');
  });
});
