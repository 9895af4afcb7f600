export * from './data-source';
export { platformMigrations } from './migrations';
