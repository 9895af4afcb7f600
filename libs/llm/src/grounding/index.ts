export * from './prompt.types';
export { assemblePrompt, countPrompt } from './assemble-prompt';
export { GROUNDING_INSTRUCTIONS, formatSource } from './grounding-instructions';
export { MESSAGE_OVERHEAD_TOKENS, REPLY_PRIMING_TOKENS } from './history-condenser';
export { citationsFromAnswer, type AnswerCitations } from './citations-from-answer';
export { toCitationRecords, type CitationRecordOptions, type TimedSpan } from './citation-records';
export { MAX_QUOTE_CHARS } from './quote-matcher';
export { dropCitationIds, findCitationMarkers, stripCitationMarkers, type CitationMarker } from './text/citation-markers';
