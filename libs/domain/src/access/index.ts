export * from './authority';
export * from './workspace-role.policy';
