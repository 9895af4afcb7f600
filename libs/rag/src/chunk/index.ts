export {
  CHUNKER_VERSION,
  DEFAULT_MAX_TOKENS,
  DEFAULT_OVERLAP_RATIO,
  chunkingFingerprint,
  type Chunk,
  type ChunkOptions,
} from './chunk';
export { chunkDocument } from './chunk-document';
export { indexText } from './index-text';
export { estimateTokens } from './token-estimate';
