import {
  acceptInvitation,
  addWorkspaceMember,
  archiveWorkspace,
  changePassword,
  changeWorkspaceMemberRole,
  createApiKey,
  createWorkspace,
  logIn,
  logOut,
  refreshTokens,
  removeWorkspaceMember,
  renameWorkspace,
  revokeApiKey,
  signUp,
} from '@ragstream/contracts';

/** Every route command-api serves; its OpenAPI document is built from these contracts. */
export const commandApiRoutes = [
  signUp,
  logIn,
  refreshTokens,
  logOut,
  changePassword,
  acceptInvitation,
  createWorkspace,
  renameWorkspace,
  archiveWorkspace,
  addWorkspaceMember,
  changeWorkspaceMemberRole,
  removeWorkspaceMember,
  createApiKey,
  revokeApiKey,
];
