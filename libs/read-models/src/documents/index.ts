export * from './documents.projection';
export * from './documents.tables';
