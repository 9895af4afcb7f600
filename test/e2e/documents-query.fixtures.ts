import type { SeedDocument } from './document-seeder';

/** A small corpus with one distinctive vocabulary per document, so each query has one right answer. */
export const corpus = {
  espresso: {
    title: 'Espresso handbook',
    format: 'markdown',
    mediaType: 'text/markdown',
    tags: ['kitchen', 'alpha'],
    metadata: { team: 'ops', year: 2024 },
    body: '# Espresso handbook\n\n## Descaling\n\nDescale the espresso machine every month with citric acid, so limescale never blocks the boiler.\n\n## Grinding\n\nGrind the beans fine, just before brewing, for a rich crema.\n',
  },
  report: {
    title: 'Quarterly report Q3',
    type: 'upload',
    mediaType: 'text/plain; charset=utf-8',
    fileName: 'Q3 "report" – Zürich.txt',
    tags: ['finance', 'beta'],
    metadata: { team: 'finance' },
    body: 'Revenue grew during the quarter thanks to glacier tourism in the alps and strong ski pass sales.',
  },
  zebra: {
    title: 'Migration notes',
    type: 'url',
    url: 'https://example.test/notes/migration',
    mediaType: 'text/plain',
    tags: ['alpha'],
    body: 'The zebra herd migration crosses the savanna river every dry season, followed by wildebeest.',
  },
  broken: {
    title: 'Broken scan',
    type: 'upload',
    format: 'pdf',
    mediaType: 'application/pdf',
    fileName: 'scan.pdf',
    // A PDF header, then bytes no reader can parse (and no UTF-8 decoder could round-trip).
    body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xfe, 0x10, 0x80, 0x0a]),
  },
  volcano: {
    title: 'Volcano subtitles 100%',
    format: 'vtt',
    mediaType: 'text/vtt',
    tags: ['media'],
    body: 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWelcome to the volcano documentary.\n\n00:00:05.000 --> 00:00:09.000\nLava flows glow orange against the night sky.\n',
  },
  memo: {
    title: 'Obsolete memo',
    tags: ['office'],
    body: 'The fax machine on floor three is retired; send scans by e-mail instead.',
  },
  protocol: {
    title: 'Lab protocol',
    tags: ['lab'],
    body: 'Centrifuge the plasma samples at four degrees before freezing the aliquots.',
  },
} satisfies Record<string, SeedDocument>;
