export * from './identity.projection';
export * from './identity.tables';
