import {
  approveToolCall,
  chat,
  chatCompletions,
  createConversation,
  deleteConversation,
  getConversation,
  giveFeedback,
  listConversations,
  listModels,
  postMessage,
  rejectToolCall,
  renameConversation,
} from '@ragstream/contracts';

/** Every route chat serves; its OpenAPI document is built from these contracts. */
export const chatRoutes = [
  createConversation,
  listConversations,
  getConversation,
  renameConversation,
  deleteConversation,
  giveFeedback,
  postMessage,
  chat,
  approveToolCall,
  rejectToolCall,
  chatCompletions,
  listModels,
];
