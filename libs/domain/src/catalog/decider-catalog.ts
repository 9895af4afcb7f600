import { apiKeyDecider } from '../api-key';
import { conversationDecider } from '../conversation';
import { documentDecider } from '../document';
import { emailReservationDecider } from '../email-reservation';
import { ledgerDecider } from '../ledger';
import { sessionDecider } from '../session';
import type { Decider } from '../shared';
import { tenantDecider } from '../tenant';
import { userDecider } from '../user';
import { workspaceDecider } from '../workspace';

type AnyDecider = Decider<any, any, any>;

const deciders: readonly AnyDecider[] = [
  emailReservationDecider,
  userDecider,
  tenantDecider,
  workspaceDecider,
  apiKeyDecider,
  sessionDecider,
  documentDecider,
  conversationDecider,
  ledgerDecider,
];

/** The decider of every aggregate type, keyed by the type its subjects carry; audits fold state with its evolve. */
export const deciderCatalog: ReadonlyMap<string, AnyDecider> = new Map(deciders.map((d) => [d.aggregateType, d]));

/** The decider of an aggregate type, or undefined for a type no decider owns. */
export function deciderFor(aggregateType: string): AnyDecider | undefined {
  return deciderCatalog.get(aggregateType);
}
