import { z } from 'zod';
import { EventRegistry, defineEvent } from '@ragstream/contracts';
import type { Decider, DomainCommand } from '@ragstream/domain';
import { conflict } from '@ragstream/domain';

/** A counter aggregate used only by the event store tests; `counter.renamed` has a v1 -> v2 upcaster. */
export const CounterOpened = defineEvent('counter.opened', [z.object({ name: z.string().min(1) })]);
export const CounterIncremented = defineEvent('counter.incremented', [z.object({ by: z.number().int().positive() })]);
export const CounterRenamed = defineEvent(
  'counter.renamed',
  [z.object({ name: z.string() }), z.object({ name: z.string(), previousName: z.string().nullable() })],
  [(v1: { name: string }) => ({ name: v1.name, previousName: null })],
);

export const counterRegistry = () => new EventRegistry([CounterOpened, CounterIncremented, CounterRenamed]);

type CounterEvent =
  | { type: 'counter.opened'; data: { name: string } }
  | { type: 'counter.incremented'; data: { by: number } }
  | { type: 'counter.renamed'; data: { name: string; previousName: string | null } };
type CounterCommand =
  | DomainCommand<'Open', { name: string }>
  | DomainCommand<'Increment', { by: number }>
  | DomainCommand<'Rename', { name: string }>;
interface CounterState {
  open: boolean;
  name: string;
  total: number;
}

export const counterDecider: Decider<CounterState, CounterCommand, CounterEvent> = {
  aggregateType: 'counter',
  initialState: () => ({ open: false, name: '', total: 0 }),
  decide(command, state) {
    switch (command.type) {
      case 'Open':
        if (state.open) throw conflict('COUNTER.EXISTS', 'already open');
        return [{ type: 'counter.opened', data: { name: command.data.name } }];
      case 'Increment':
        return [{ type: 'counter.incremented', data: { by: command.data.by } }];
      case 'Rename':
        return [{ type: 'counter.renamed', data: { name: command.data.name, previousName: state.name } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'counter.opened':
        return { ...state, open: true, name: event.data.name };
      case 'counter.incremented':
        return { ...state, total: state.total + event.data.by };
      case 'counter.renamed':
        return { ...state, name: event.data.name };
    }
  },
};
