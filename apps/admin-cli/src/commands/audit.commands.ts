import { verifyLog, writeCheckpoints, type VerifyReport } from '@ragstream/audit';
import type { Command } from 'commander';
import { IntegrityError } from '../cli/exit-codes';
import { openLog } from '../cli/log-session';
import { parseToken } from '../cli/option-parsers';
import { withExitCodes } from '../cli/exit-codes-help';
import { action, type ActionContext } from '../cli/run-action';
import { registerAuditStateCommand } from './audit-state.command';

const OPERATOR = { type: 'system' as const, id: 'admin-cli' };

/** `audit state|verify|checkpoint`: aggregate history and the integrity of the log. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('aggregate state at a moment, and the integrity chain of the log');
  registerAuditStateCommand(audit);
  audit
    .command('verify')
    .description('check every commit hash, prevHash link, dense versions and recorded checkpoints; exit 4 at the first broken link')
    .option('--tenant <tenantId>', 'only this tenant’s aggregates and checkpoints', parseToken)
    .action(action((ctx, opts) => verify(ctx, opts as { tenant?: string })));
  audit
    .command('checkpoint')
    .description('verify, then record per tenant a checkpoint of every aggregate head (run it periodically, e.g. hourly)')
    .option('--tenant <tenantId>', 'only this tenant', parseToken)
    .action(action((ctx, opts) => checkpoint(ctx, opts as { tenant?: string })));
  withExitCodes(audit);
}

function describe(report: VerifyReport): string {
  const scope = report.tenantId ? `tenant ${report.tenantId}` : 'all tenants';
  return `${report.commits} commits of ${report.aggregates} aggregates (${scope}) up to position ${report.upToPosition}: ${report.legacyCommits} legacy without hash, ${report.checkpointsVerified} checkpoints matched`;
}

function requireIntact(report: VerifyReport): void {
  if (report.ok) return;
  const b = report.broken!;
  throw new IntegrityError(`broken link at position ${b.position} (${b.subject}): ${b.kind}, ${b.message}; expected ${b.expected ?? '-'}, found ${b.found ?? '-'}`, { broken: b, report });
}

async function verify(ctx: ActionContext, options: { tenant?: string }): Promise<void> {
  const log = await openLog(ctx.config);
  try {
    const report = await ctx.out.step('verify', () => verifyLog(log.store, { tenantId: options.tenant }), (r) => `walked ${describe(r)}`);
    ctx.out.result(report);
    requireIntact(report);
  } finally {
    await log.close();
  }
}

async function checkpoint(ctx: ActionContext, options: { tenant?: string }): Promise<void> {
  const log = await openLog(ctx.config);
  try {
    const { report, checkpoints } = await ctx.out.step('verify', () => writeCheckpoints(log.store, log.executor, { tenantId: options.tenant, actor: OPERATOR }), (r) => `walked ${describe(r.report)}`);
    requireIntact(report);
    ctx.out.result({ report, checkpoints });
    for (const c of checkpoints) {
      ctx.out.print(`${c.position === null ? '= unchanged' : `✓ recorded at ${c.position}`}: tenant ${c.tenantId}, ${c.aggregates} aggregates, ${c.commits} commits up to ${c.upToPosition}, root ${c.root}`);
    }
  } finally {
    await log.close();
  }
}
