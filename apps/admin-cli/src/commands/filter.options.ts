import type { AuditFilter } from '@ragstream/audit';
import { Option, type Command } from 'commander';
import { parseList, parseMoment, parseToken, type MomentOption } from '../cli/option-parsers';

export interface FilterOptions {
  tenant?: string;
  workspace?: string;
  type?: string;
  id?: string;
  actor?: string;
  actorType?: 'user' | 'apikey' | 'system';
  event?: string[];
  from?: MomentOption;
  to?: MomentOption;
}

/** The filters `events replay`, `events tail` and the audit API share. */
export function withFilterOptions(command: Command): Command {
  return command
    .option('--tenant <tenantId>', 'one tenant', parseToken)
    .option('--workspace <workspaceId>', 'the workspace and every aggregate whose events name it')
    .option('--type <aggregateType>', 'one aggregate type, e.g. workspace', parseToken)
    .option('--id <aggregateId>', 'one aggregate id', parseToken)
    .option('--actor <actorId>', 'commits by this user, API key or system actor')
    .addOption(new Option('--actor-type <type>', 'commits by this kind of actor').choices(['user', 'apikey', 'system']))
    .option('--event <types>', 'event types or families (user.*), comma-separated; repeatable', parseList)
    .option('--from <position|time>', 'from this stream position or ISO 8601 time (inclusive)', parseMoment)
    .option('--to <position|time>', 'up to this stream position or ISO 8601 time (inclusive)', parseMoment);
}

/** The audit filter the options describe. */
export function filterOf(o: FilterOptions): AuditFilter {
  return {
    tenantId: o.tenant,
    workspaceId: o.workspace,
    aggregateType: o.type,
    aggregateId: o.id,
    actorId: o.actor,
    actorType: o.actorType,
    eventTypes: o.event,
    fromPosition: o.from?.position,
    fromTime: o.from?.time,
    toPosition: o.to?.position,
    toTime: o.to?.time,
  };
}
