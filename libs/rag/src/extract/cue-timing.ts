import { corrupt } from './extraction.error';

/** Start and end of a transcript cue in milliseconds. */
export interface CueTiming {
  readonly startMs: number;
  readonly endMs: number;
}

// WebVTT allows the hours to be left out; SRT always writes them and uses a decimal comma.
const TIMESTAMP = {
  vtt: /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/,
  srt: /^(\d+):([0-5]\d):([0-5]\d)[,.](\d{3})$/,
} as const;

/** Parses "start --> end [settings]"; `lineNumber` (1-based) goes into the error for the uploader. */
export function parseCueTiming(line: string, lineNumber: number, style: 'vtt' | 'srt'): CueTiming {
  const parts = /^\s*(\S+)\s+-->\s+(\S+)/.exec(line);
  if (!parts) throw corrupt(`malformed cue timing "${line.trim()}" at line ${lineNumber}`);
  const startMs = toMs(parts[1], lineNumber, style);
  const endMs = toMs(parts[2], lineNumber, style);
  if (endMs < startMs) throw corrupt(`cue ends before it starts at line ${lineNumber}`);
  return { startMs, endMs };
}

function toMs(timestamp: string, lineNumber: number, style: 'vtt' | 'srt'): number {
  const match = TIMESTAMP[style].exec(timestamp);
  if (!match) throw corrupt(`malformed timestamp "${timestamp}" at line ${lineNumber}`);
  const [, hours = '0', minutes, seconds, millis] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}
