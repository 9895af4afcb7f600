import { parseCueTiming } from './cue-timing';
import { vttCueText } from './cue-text';
import { decodeText } from './decode-text';
import { DocumentBuilder } from './document.builder';
import type { ExtractOptions } from './extract-options';
import type { ExtractedDocument } from './extracted-document';
import { corrupt } from './extraction.error';

interface LineBlock {
  readonly lines: readonly string[];
  /** 1-based line number of the block's first line. */
  readonly firstLine: number;
}

/** WebVTT: one `cue` block per cue with its timing; header, NOTE, STYLE and REGION blocks dropped. */
export function extractVtt(bytes: Buffer, options: ExtractOptions): ExtractedDocument {
  const text = decodeText(bytes);
  if (!/^WEBVTT(?:[ \t\n]|$)/.test(text)) throw corrupt('a WebVTT file must start with "WEBVTT" on line 1');
  const builder = new DocumentBuilder('\n', options.maxChars);
  // The first block is the header; a cue is an optional identifier line, then the timing line.
  for (const block of lineBlocks(text).slice(1)) {
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block.lines[0])) continue;
    const timing = block.lines.findIndex((line) => line.includes('-->'));
    if (timing < 0 || timing > 1) continue;
    const { startMs, endMs } = parseCueTiming(block.lines[timing], block.firstLine + timing, 'vtt');
    builder.add('cue', vttCueText(block.lines.slice(timing + 1)), { startMs, endMs });
  }
  return builder.build();
}

// WebVTT forbids blank lines inside a block, so blank lines delimit everything.
function lineBlocks(text: string): LineBlock[] {
  const blocks: LineBlock[] = [];
  let current: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      current = [];
      return;
    }
    if (current.length === 0) blocks.push({ lines: current, firstLine: index + 1 });
    current.push(line);
  });
  return blocks;
}
