import { CircuitState } from 'cockatiel';

/** Breaker state as logs and health checks name it. */
export type CircuitStateName = 'closed' | 'open' | 'half-open';

/** Something worth a log line: a retry about to wait, or the breaker changing state. */
export type ProviderGuardEvent =
  | { readonly type: 'retry'; readonly provider: string; readonly attempt: number; readonly delayMs: number; readonly error: unknown }
  | { readonly type: 'circuit'; readonly provider: string; readonly state: CircuitStateName; readonly error?: unknown };

export type ProviderGuardListener = (event: ProviderGuardEvent) => void;

/** Maps cockatiel's enum; a manually isolated breaker refuses calls, so it reads as open. */
export function circuitStateName(state: CircuitState): CircuitStateName {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.HalfOpen:
      return 'half-open';
    case CircuitState.Open:
    case CircuitState.Isolated:
      return 'open';
    default: {
      const unknownState: never = state;
      throw new Error(`unknown circuit state ${String(unknownState)}`);
    }
  }
}
