import { Controller } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { search, type RouteInput } from '@ragstream/contracts';
import { Input, Route } from '@ragstream/platform';
import { MinPosition } from '../documents/min-position.decorator';
import { SearchQueries } from './search.queries';

@Controller()
export class SearchController {
  constructor(private readonly queries: SearchQueries) {}

  @Route(search)
  search(@CurrentPrincipal() p: Principal, @Input() { body }: RouteInput<typeof search>, @MinPosition() at?: number) {
    return this.queries.search(p, body, furthest(at, body.minPosition));
  }
}

// The header and the body may both name a position; the later one decides.
function furthest(...positions: (number | undefined)[]): number | undefined {
  const given = positions.filter((p): p is number => p !== undefined);
  return given.length ? Math.max(...given) : undefined;
}
