export { analyze, termFrequencies } from './analyzer';
export { ENGLISH_STOPWORDS } from './stopwords';
