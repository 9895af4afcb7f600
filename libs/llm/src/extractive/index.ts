export { ExtractiveAnswerer, type ExtractiveAnswererOptions } from './extractive-answerer';
export { NO_ANSWER_TEXT } from './answer-text';
