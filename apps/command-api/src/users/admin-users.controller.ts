import { Controller } from '@nestjs/common';
import { forgetUser, type RouteInput } from '@ragstream/contracts';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { Header, Input, Route } from '@ragstream/platform';
import { ForgetUserHandler } from './forget-user.handler';

@Controller()
export class AdminUsersController {
  constructor(private readonly forget: ForgetUserHandler) {}

  @Route(forgetUser)
  forgetUser(@CurrentPrincipal() p: Principal, @Input() input: RouteInput<typeof forgetUser>, @Header('idempotency-key') key?: string) {
    return this.forget.execute(p, input, key);
  }
}
