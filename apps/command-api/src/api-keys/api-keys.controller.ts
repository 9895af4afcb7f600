import { Controller } from '@nestjs/common';
import { createApiKey, revokeApiKey, type RouteInput } from '@ragstream/contracts';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { Header, Input, Route } from '@ragstream/platform';
import { ApiKeyCommandsHandler } from './api-key-commands.handler';

@Controller()
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyCommandsHandler) {}

  @Route(createApiKey)
  create(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof createApiKey>, @Header('idempotency-key') key?: string) {
    return this.keys.create(p, input, key);
  }

  @Route(revokeApiKey)
  revoke(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof revokeApiKey>, @Header('idempotency-key') key?: string) {
    return this.keys.revoke(p, input, key);
  }
}
