/** One server-sent event: its `event:` type (default "message") and its joined `data:` lines. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Incremental text/event-stream parser (WHATWG rules): text arrives in arbitrary pieces,
 * lines end in LF, CRLF or CR, a blank line dispatches, `:` lines are comments.
 */
export class SseDecoder {
  private buffer = '';
  private data: string[] = [];
  private event = '';

  /** Feeds decoded text; returns the events completed by it. */
  push(text: string): ServerSentEvent[] {
    this.buffer += text;
    const events: ServerSentEvent[] = [];
    let match: RegExpExecArray | null;
    // A trailing CR may be the first half of a CRLF split across pieces, so it waits for more text.
    while ((match = /\r\n|\n|\r(?=[^\n])/.exec(this.buffer))) {
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const dispatched = this.line(line);
      if (dispatched) events.push(dispatched);
    }
    return events;
  }

  /** Ends the stream; an unterminated last event is still delivered, as lenient servers omit the blank line. */
  end(): ServerSentEvent[] {
    const rest = this.buffer.replace(/\r$/, '');
    this.buffer = '';
    const events = rest ? [this.line(rest)] : [];
    events.push(this.line(''));
    return events.filter((e): e is ServerSentEvent => e !== undefined);
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    const event = this.data.length ? { event: this.event || 'message', data: this.data.join('\n') } : undefined;
    this.data = [];
    this.event = '';
    return event;
  }
}
