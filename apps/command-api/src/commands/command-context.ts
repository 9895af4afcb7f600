// Shared with chat, which runs commands the same way; kept here so command-api's imports stay put.
export { CommandContext, uuidFrom } from '@ragstream/platform';
