export * from './search.tables';
export * from './search-index.types';
export * from './search-index.writer';
export * from './search-query.types';
export * from './search.query';
export { reciprocalRankFusion } from './rrf.fusion';
export * from './query-embedding';
