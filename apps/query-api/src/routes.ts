import { downloadDocument, getAggregateStateAt, listAuditEvents, verifyAuditLog, getDocument, getMe, getWorkspace, listApiKeys, listDocuments, listMyTenants, listWorkspaceMembers, listWorkspaces, search } from '@ragstream/contracts';

/** Every route query-api serves; its OpenAPI document is built from these contracts. */
export const queryApiRoutes = [getMe, listMyTenants, listWorkspaces, getWorkspace, listWorkspaceMembers, listApiKeys, listDocuments, getDocument, downloadDocument, search, listAuditEvents, getAggregateStateAt, verifyAuditLog];
