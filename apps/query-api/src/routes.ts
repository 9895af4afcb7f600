import { downloadDocument, getDocument, getMe, listDocuments, search, getWorkspace, listApiKeys, listMyTenants, listWorkspaceMembers, listWorkspaces } from '@ragstream/contracts';

/** Every route query-api serves; its OpenAPI document is built from these contracts. */
export const queryApiRoutes = [getMe, listMyTenants, listWorkspaces, getWorkspace, listWorkspaceMembers, listApiKeys, listDocuments, getDocument, downloadDocument, search];
