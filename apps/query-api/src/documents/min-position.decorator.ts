// Shared with chat; kept here so query-api's imports stay put.
export { MinPosition } from '@ragstream/auth';
