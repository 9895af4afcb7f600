export * from './email-reservation.commands';
export * from './email-reservation.decider';
