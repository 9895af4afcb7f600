import { planRebuild, readStreamHead, rebuildLockHolder, type Projection } from '@ragstream/projections';
import type { ActionContext } from '../cli/run-action';
import type { OpsSession } from './ops-session';

/** `--dry-run`: what each rebuild would do, from the same plan the rebuild follows; changes nothing. */
export async function planRebuilds(ctx: ActionContext, session: OpsSession, projections: Projection[], resume: boolean): Promise<void> {
  const head = await readStreamHead(session.nc, ctx.config.EVENTS_STREAM);
  const plans = [];
  for (const projection of projections) {
    const plan = await planRebuild(session.dataSource, projection, resume);
    const holder = await rebuildLockHolder(session.dataSource, projection.name);
    plans.push({ ...plan, head: head.position, events: Math.max(0, head.position - plan.from), lockedBy: holder ?? null });
  }
  ctx.out.result({ dryRun: true, plans });
  for (const p of plans) {
    const live = p.live ? `v${p.live.version} g${p.live.generation} at ${p.liveCheckpoint}` : 'nothing';
    const start = p.resume ? `resume generation ${p.target.generation} from position ${p.from}` : `build v${p.version} g${p.target.generation} from position 1`;
    const lines = [
      `${p.projection}: would ${start}, replaying ${p.events} events to the head (${p.head}), then swap out ${live}`,
      p.abandons ? `  the unfinished generation ${p.abandons.generation} would be dropped (use --resume to continue it instead)` : '',
      p.lockedBy ? `  but a rebuild is running now (Postgres session ${p.lockedBy.pid}): it would be refused` : '',
    ];
    ctx.out.print(lines.filter(Boolean).join('\n'));
  }
}
