export * from './fake-embedding';
export * from './fake-openai.server';
