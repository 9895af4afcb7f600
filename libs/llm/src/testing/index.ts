export * from './fake-embedding';
export * from './fake-openai.server';
export { type FakeReply, type FakeToolCall, fakeWords } from './fake-chat.reply';
