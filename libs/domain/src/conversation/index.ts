export * from './conversation.commands';
export * from './conversation.decider';
export { evolveConversation, initialConversationState, type ConversationState, type MessageState, type ToolCallState } from './conversation.state';
export * from './conversation-turn.policy';
