/** Injection tokens of the chat app. */
export const CHAT_CONFIG = Symbol('CHAT_CONFIG');
export const QUERY_EMBEDDER = Symbol('QUERY_EMBEDDER');
