import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument, detectFormat } from '@ragstream/rag';
it('probe', async () => {
  for (const f of ['guide.md', 'article.html', 'talk.vtt', 'talk.srt', 'catalog.json', 'people.csv', 'people.tsv', 'broken.json', 'binary.bin']) {
    const bytes = readFileSync(join(__dirname, 'fixtures', f));
    try {
      const format = detectFormat({ fileName: f, bytes });
      const d = await extractDocument(bytes, format);
      console.log(f, format, JSON.stringify(d.text), d.title, '\n' + d.blocks.map(b => JSON.stringify({ ...b, t: d.text.slice(b.start, b.end) })).join('\n'));
    } catch (e: any) { console.log('ERR', f, e.message); }
  }
});
