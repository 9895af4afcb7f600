// Shared with chat; kept here so query-api's imports stay put.
export { decodeCursor, encodeCursor, type PageKey } from '@ragstream/platform';
