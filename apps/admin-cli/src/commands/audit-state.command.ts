import { diffStates, revealSealed, stateAt, userKeyOpener, type AggregateStateAt } from '@ragstream/audit';
import type { Command } from 'commander';
import { locateTenant } from '../cli/locate-aggregate';
import { openLog, openVault } from '../cli/log-session';
import { parseMoment, parseToken, type MomentOption } from '../cli/option-parsers';
import { action, type ActionContext } from '../cli/run-action';

interface StateOptions {
  tenant?: string;
  at?: MomentOption;
  diffFrom?: MomentOption;
  reveal?: boolean;
}

/** `audit state TYPE ID`: an aggregate's state at a moment, or what changed between two moments. */
export function registerAuditStateCommand(audit: Command): void {
  audit
    .command('state')
    .description('the state of one aggregate at a moment (its commits folded with its decider), or the diff between two moments')
    .argument('<type>', 'aggregate type, e.g. workspace', parseToken)
    .argument('<id>', 'aggregate id', parseToken)
    .option('--tenant <tenantId>', 'the tenant it lives under (found from the log when omitted)', parseToken)
    .option('--at <position|time>', 'the moment: a stream position or an ISO 8601 time (default: now)', parseMoment)
    .option('--diff-from <position|time>', 'also fold up to this earlier moment and print what changed since', parseMoment)
    .option('--reveal', 'open sealed personal data (needs PII_MASTER_KEY); erased users read [erased]')
    .action(action((ctx, type, id, opts) => showState(ctx, type as string, id as string, opts as StateOptions)));
}

async function showState(ctx: ActionContext, aggregateType: string, aggregateId: string, options: StateOptions): Promise<void> {
  const log = await openLog(ctx.config);
  const secrets = options.reveal ? await openVault(ctx.config) : undefined;
  try {
    const tenantId = options.tenant ?? (await locateTenant(log.store, aggregateType, aggregateId));
    const address = { tenantId, aggregateType, aggregateId };
    const shown = async (at: MomentOption = {}): Promise<AggregateStateAt> => {
      const found = await stateAt(log.store, address, at);
      return secrets ? { ...found, state: await revealSealed(found.state, userKeyOpener(secrets.vault, aggregateType, aggregateId)) } : found;
    };
    const to = await shown(options.at);
    if (!options.diffFrom) {
      ctx.out.result(to);
      ctx.out.print(JSON.stringify(to, null, 2));
      return;
    }
    const from = await shown(options.diffFrom);
    const { state: _a, ...fromMeta } = from;
    const { state: _b, ...toMeta } = to;
    const diff = { from: fromMeta, to: toMeta, changes: diffStates(from.state, to.state) };
    ctx.out.result(diff);
    ctx.out.print(JSON.stringify(diff, null, 2));
  } finally {
    await log.close();
    await secrets?.dataSource.destroy();
  }
}
