export { analyze, termFrequencies } from './analyzer';
export { ENGLISH_STOPWORDS } from './stopwords';
export { splitSentences, type TextSpan } from './sentence-splitter';
