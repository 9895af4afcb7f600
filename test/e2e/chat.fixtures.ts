/** Documents the chat tests ask about: each question has one right source, and one question has none. */
export const chatCorpus = {
  pumps: {
    title: 'Pump maintenance',
    format: 'markdown',
    text: [
      '# Pump maintenance',
      '',
      '## Cavitation',
      '',
      'Centrifugal pumps cavitate when the inlet pressure drops below the vapour pressure of the liquid.',
      'Cavitation erodes the impeller and makes a rattling noise.',
      '',
      '## Inspection',
      '',
      'Inspect the impeller every 500 operating hours and replace the mechanical seal every two years.',
    ].join('\n'),
  },
  onboarding: {
    title: 'Onboarding guide',
    format: 'text',
    text: 'New employees receive a laptop on their first day. The security awareness training must be completed within two weeks of joining.',
  },
  review: {
    title: 'Quarterly review call',
    format: 'vtt',
    text: [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:04.000',
      'Welcome everyone to the quarterly review call.',
      '',
      '00:01:10.000 --> 00:01:15.500',
      'Revenue grew by twelve percent in the third quarter, driven by the glacier tours.',
      '',
      '00:02:00.000 --> 00:02:04.000',
      'Thanks for joining, see you next quarter.',
    ].join('\n'),
  },
} as const;
