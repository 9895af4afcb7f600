import { type CueTiming, parseCueTiming } from './cue-timing';
import { srtCueText } from './cue-text';
import { decodeText } from './decode-text';
import { DocumentBuilder } from './document.builder';
import type { ExtractOptions } from './extract-options';
import type { ExtractedDocument } from './extracted-document';
import { corrupt } from './extraction.error';

interface RawCue extends CueTiming {
  readonly lines: string[];
}

/** SRT: one `cue` block per subtitle with its timing; the numeric indexes are dropped. */
export function extractSrt(bytes: Buffer, options: ExtractOptions): ExtractedDocument {
  const builder = new DocumentBuilder('\n', options.maxChars);
  const cues = readCues(decodeText(bytes).split('\n'));
  cues.forEach(({ startMs, endMs, lines }, i) => {
    const text = srtCueText(i < cues.length - 1 ? withoutNextIndex(lines) : lines);
    builder.add('cue', text, { startMs, endMs });
  });
  return builder.build();
}

// Timing lines drive the parse: subtitle text may contain blank lines, which a block split would break.
function readCues(lines: readonly string[]): RawCue[] {
  const cues: RawCue[] = [];
  lines.forEach((line, index) => {
    const open = cues[cues.length - 1];
    if (line.includes('-->')) cues.push({ ...parseCueTiming(line, index + 1, 'srt'), lines: [] });
    else if (open) open.lines.push(line);
    else if (line.trim() !== '' && !/^\d+$/.test(line.trim())) {
      throw corrupt(`expected a subtitle number or timing at line ${index + 1}`);
    }
  });
  return cues;
}

// A cue's lines run up to the next timing line, so they end with that cue's number after a blank line.
function withoutNextIndex(lines: readonly string[]): string[] {
  const kept = [...lines];
  while (kept.length > 0 && kept[kept.length - 1].trim() === '') kept.pop();
  const last = kept.length - 1;
  if (last > 0 && /^\d+$/.test(kept[last].trim()) && kept[last - 1].trim() === '') kept.pop();
  return kept;
}
