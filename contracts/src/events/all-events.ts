import { EventRegistry, type EventDefinition } from './event-registry';
import { conversationEvents } from './conversation.events';
import { documentEvents } from './document.events';
import { identityEvents } from './identity.events';
import { ledgerEvents } from './ledger.events';

/** Every published event type of the platform; the one registry all apps read and write with. */
export const allEventDefinitions: readonly EventDefinition[] = [...identityEvents, ...documentEvents, ...conversationEvents, ...ledgerEvents];

export function createEventRegistry(): EventRegistry {
  return new EventRegistry(allEventDefinitions);
}
