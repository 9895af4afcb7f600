import { Controller } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { search, type RouteInput } from '@ragstream/contracts';
import { Input, Route } from '@ragstream/platform';
import { furthest, MinPosition } from '../documents/min-position.decorator';
import { SearchQueries } from './search.queries';

@Controller()
export class SearchController {
  constructor(private readonly queries: SearchQueries) {}

  @Route(search)
  search(@CurrentPrincipal() p: Principal, @Input() { body }: RouteInput<typeof search>, @MinPosition() at?: number) {
    return this.queries.search(p, body, furthest(at, body.minPosition));
  }
}
