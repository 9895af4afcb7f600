/** Injection tokens for the shared infrastructure every app gets from CoreInfraModule. */
export const NATS = Symbol('NATS');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const COMMAND_EXECUTOR = Symbol('COMMAND_EXECUTOR');
export const CHECKPOINTS = Symbol('CHECKPOINTS');
export const BASE_CONFIG = Symbol('BASE_CONFIG');
