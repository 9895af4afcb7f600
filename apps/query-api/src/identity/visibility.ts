// Shared with chat (its conversation lists and model list); kept here so query-api's imports stay put.
export { reportedRole, visibleWorkspaces } from '@ragstream/auth';
