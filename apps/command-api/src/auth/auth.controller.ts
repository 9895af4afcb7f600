import { Controller } from '@nestjs/common';
import { acceptInvitation, changePassword, logIn, logOut, refreshTokens, signUp, type RouteInput } from '@ragstream/contracts';
import { CurrentPrincipal, type Principal } from '@ragstream/auth';
import { Header, Input, Public, Route } from '@ragstream/platform';
import { AcceptInvitationHandler } from './accept-invitation.handler';
import { LogInHandler } from './log-in.handler';
import { RefreshTokensHandler } from './refresh-tokens.handler';
import { SessionCommandsHandler } from './session-commands.handler';
import { SignUpHandler } from './sign-up.handler';

@Controller()
export class AuthController {
  constructor(
    private readonly signUpHandler: SignUpHandler,
    private readonly logInHandler: LogInHandler,
    private readonly refreshHandler: RefreshTokensHandler,
    private readonly sessions: SessionCommandsHandler,
    private readonly invitations: AcceptInvitationHandler,
  ) {}

  @Public()
  @Route(signUp)
  signUp(@Input() input: RouteInput<typeof signUp>, @Header('idempotency-key') key?: string) {
    return this.signUpHandler.execute(input, key);
  }

  @Public()
  @Route(logIn)
  logIn(@Input() input: RouteInput<typeof logIn>) {
    return this.logInHandler.execute(input);
  }

  @Public()
  @Route(refreshTokens)
  refresh(@Input() input: RouteInput<typeof refreshTokens>) {
    return this.refreshHandler.execute(input);
  }

  @Route(logOut)
  logOut(@CurrentPrincipal() principal: Principal) {
    return this.sessions.logOut(principal);
  }

  @Route(changePassword)
  changePassword(@CurrentPrincipal() principal: Principal, @Input() input: RouteInput<typeof changePassword>, @Header('idempotency-key') key?: string) {
    return this.sessions.changePassword(principal, input, key);
  }

  @Public()
  @Route(acceptInvitation)
  acceptInvitation(@Input() input: RouteInput<typeof acceptInvitation>) {
    return this.invitations.execute(input);
  }
}
