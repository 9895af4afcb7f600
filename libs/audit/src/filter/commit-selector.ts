import type { Commit } from '@ragstream/event-store';
import { CLOCK_SLACK_MS, type AuditFilter } from './audit-filter';

const WORKSPACE_KEY = /^(workspaceId|[a-z]+WorkspaceId)$/;

/** True when an event's data names the workspace under a workspace key (top level). */
function namesWorkspace(data: unknown, workspaceId: string): boolean {
  if (typeof data !== 'object' || data === null) return false;
  return Object.entries(data).some(([key, value]) => WORKSPACE_KEY.test(key) && value === workspaceId);
}

function typeMatches(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => (p.endsWith('.*') ? type.startsWith(p.slice(0, -1)) : p === type));
}

/**
 * Applies the filters the server cannot: actor, workspace, event types and time. Stateful for the
 * workspace filter: once an aggregate's event names the workspace, its later commits (which may
 * not repeat it, e.g. `document.deleted`) belong to the workspace too.
 */
export class CommitSelector {
  private readonly inWorkspace = new Set<string>();

  constructor(private readonly filter: AuditFilter) {}

  /** Indexes of the commit's events the filter selects; empty when the commit is out. */
  select(commit: Commit): number[] {
    const { envelope } = commit;
    const f = this.filter;
    if (f.tenantId && envelope.tenantId !== f.tenantId) return [];
    if (f.aggregateType && envelope.aggregateType !== f.aggregateType) return [];
    if (f.aggregateId && envelope.aggregateId !== f.aggregateId) return [];
    if (f.actorId && envelope.actor.id !== f.actorId) return [];
    if (f.actorType && envelope.actor.type !== f.actorType) return [];
    if (f.fromPosition !== undefined && commit.position < f.fromPosition) return [];
    if (f.toPosition !== undefined && commit.position > f.toPosition) return [];
    const at = Date.parse(envelope.occurredAt);
    if (f.fromTime && at < f.fromTime.getTime()) return [];
    if (f.toTime && at > f.toTime.getTime()) return [];
    if (f.workspaceId && !this.belongsToWorkspace(commit, f.workspaceId)) return [];
    return commit.events.flatMap((event, index) => (!f.eventTypes?.length || typeMatches(f.eventTypes, event.type) ? [index] : []));
  }

  /** True once commits stored at `storedAt` can no longer have occurred inside the time range. */
  pastEnd(storedAt: Date): boolean {
    return this.filter.toTime !== undefined && storedAt.getTime() > this.filter.toTime.getTime() + CLOCK_SLACK_MS;
  }

  private belongsToWorkspace(commit: Commit, workspaceId: string): boolean {
    const { aggregateType, aggregateId, tenantId } = commit.envelope;
    if (aggregateType === 'workspace' && aggregateId === workspaceId) return true;
    const key = `${tenantId}/${aggregateType}/${aggregateId}`;
    if (this.inWorkspace.has(key)) return true;
    if (!commit.events.some((e) => namesWorkspace(e.data, workspaceId))) return false;
    this.inWorkspace.add(key);
    return true;
  }
}
