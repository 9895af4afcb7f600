import { type CueTiming, parseCueTiming } from './cue-timing';
import { srtCueText } from './cue-text';
import { decodeText } from './decode-text';
import { DocumentBuilder } from './document.builder';
import type { ExtractOptions } from './extract-options';
import type { ExtractedDocument } from './extracted-document';
import { corrupt } from './extraction.error';

interface OpenCue extends CueTiming {
  readonly lines: string[];
}

/** SRT: one `cue` block per subtitle with its timing; the numeric indexes are dropped. */
export function extractSrt(bytes: Buffer, options: ExtractOptions): ExtractedDocument {
  const builder = new DocumentBuilder('\n', options.maxChars);
  const emit = (cue: OpenCue | undefined): void => {
    if (cue) builder.add('cue', srtCueText(withoutNextIndex(cue.lines)), { startMs: cue.startMs, endMs: cue.endMs });
  };
  let cue: OpenCue | undefined;
  // Timing lines drive the parse: text may contain blank lines, which a block split would break.
  decodeText(bytes)
    .split('\n')
    .forEach((line, index) => {
      if (line.includes('-->')) {
        emit(cue);
        cue = { ...parseCueTiming(line, index + 1, 'srt'), lines: [] };
      } else if (cue) {
        cue.lines.push(line);
      } else if (line.trim() !== '' && !/^\d+$/.test(line.trim())) {
        throw corrupt(`expected a subtitle number or timing at line ${index + 1}`);
      }
    });
  emit(cue);
  return builder.build();
}

// The lines before the next timing line end with that cue's number, after a blank line.
function withoutNextIndex(lines: string[]): string[] {
  const kept = [...lines];
  while (kept.length > 0 && kept[kept.length - 1].trim() === '') kept.pop();
  const last = kept.length - 1;
  if (last >= 0 && /^\d+$/.test(kept[last].trim()) && (last === 0 || kept[last - 1].trim() === '')) kept.pop();
  return kept;
}
