export * from './ledger.commands';
export * from './ledger.decider';
