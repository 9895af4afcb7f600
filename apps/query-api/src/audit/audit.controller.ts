import { Controller, StreamableFile } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { getAggregateStateAt, listAuditEvents, verifyAuditLog, type RouteInput } from '@ragstream/contracts';
import { Header, Input, Route } from '@ragstream/platform';
import { AuditQueries } from './audit-queries';

const NDJSON = 'application/x-ndjson';

@Controller()
export class AuditController {
  constructor(private readonly audit: AuditQueries) {}

  /** JSON pages by default; one NDJSON stream of the whole range when the client accepts it. */
  @Route(listAuditEvents)
  events(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof listAuditEvents>, @Header('accept') accept?: string) {
    if (accept?.includes(NDJSON)) return new StreamableFile(this.audit.eventStream(p, input), { type: NDJSON });
    return this.audit.events(p, input);
  }

  @Route(getAggregateStateAt)
  state(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof getAggregateStateAt>) {
    return this.audit.state(p, input);
  }

  @Route(verifyAuditLog)
  verify(@CurrentPrincipal() p: Principal) {
    return this.audit.verify(p);
  }
}
