export * from './document-indexer';
export * from './search.projection';
export * from './search-projection.tables';
export * from './indexing.config';
