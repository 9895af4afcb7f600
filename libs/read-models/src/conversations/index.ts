export * from './conversations.projection';
export * from './conversations.tables';
