export * from './provider.errors';
export * from './resilience/provider-guard';
export * from './resilience/provider-guard.events';
export * from './resilience/resilience.config';
export * from './resilience/retry-after';
export * from './resilience/failure-classification';
export * from './openai/openai-client';
export * from './openai/chat-completion.types';
export * from './openai/sse-decoder';
// Test doubles, exported so other libs' and apps' tests can speak to a local OpenAI-compatible server.
export * from './testing';
