import type { Consumer, JsMsg } from 'nats';
import { MessagePump } from './message-pump';

/** A consumer whose pulls deliver what the test pushes and end when the test expires them. */
function fakeConsumer() {
  let deliver: ((m: JsMsg | undefined) => void) | undefined;
  const backlog: (JsMsg | undefined)[] = [];
  const next = () => new Promise<JsMsg | undefined>((resolve) => (backlog.length ? resolve(backlog.shift()) : (deliver = resolve)));
  const push = (m: JsMsg | undefined) => {
    if (deliver) {
      const d = deliver;
      deliver = undefined;
      d(m);
    } else backlog.push(m);
  };
  let pulls = 0;
  const consumer = {
    async fetch() {
      pulls++;
      return (async function* () {
        for (let m = await next(); m; m = await next()) yield m;
      })();
    },
  } as unknown as Consumer;
  return { consumer, send: (...seqs: number[]) => seqs.forEach((seq) => push({ seq } as JsMsg)), expire: () => push(undefined), pulls: () => pulls };
}

const seqs = (messages: JsMsg[]) => messages.map((m) => m.seq);

describe('MessagePump', () => {
  const options = { batchSize: 10, retryDelayMs: 5, onError: () => undefined, isClosed: () => false };

  it('waits for the first message and takes a burst together, in delivery order', async () => {
    const fake = fakeConsumer();
    const pump = new MessagePump(fake.consumer, options);
    pump.start();
    const taking = pump.take(10);
    fake.send(3, 1, 2);
    expect(seqs(await taking)).toEqual([3, 1, 2]);
    const stopped = pump.stop();
    fake.expire();
    await stopped;
  });

  it('offers held messages again after a short recheck, ahead of new ones, within the batch size', async () => {
    const fake = fakeConsumer();
    const pump = new MessagePump(fake.consumer, { ...options, batchSize: 3 });
    pump.start();
    const first = pump.take(3);
    fake.send(5, 6);
    expect(pump.hold(await first)).toBe(true);
    expect(seqs(await pump.take(3))).toEqual([5, 6]); // nothing new arrived: the recheck timer fired
    expect(pump.hold([{ seq: 5 } as JsMsg, { seq: 6 } as JsMsg])).toBe(true);
    fake.send(4, 7);
    expect(seqs(await pump.take(3))).toEqual([5, 6, 4]);
    expect(seqs(await pump.take(3))).toEqual([7]);
    const stopped = pump.stop();
    fake.expire();
    await stopped;
  });

  it('lets the pull in flight run out on stop, refuses to hold, then reports drained', async () => {
    const fake = fakeConsumer();
    const pump = new MessagePump(fake.consumer, options);
    pump.start();
    const stopped = pump.stop();
    fake.send(1);
    expect(seqs(await pump.take(10))).toEqual([1]);
    expect(pump.hold([{ seq: 1 } as JsMsg])).toBe(false);
    fake.expire();
    await stopped;
    expect(await pump.take(10)).toEqual([]);
    expect(fake.pulls()).toBe(1);
  });
});
