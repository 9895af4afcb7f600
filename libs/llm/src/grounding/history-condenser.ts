import type { PromptMessage } from '../chat/chat-provider.types';
import type { CountTokens, HistoryTurn } from './prompt.types';
import { stripCitationMarkers } from './text/citation-markers';
import { sentenceSpans } from './text/sentence-spans';

/** Tokens the chat format adds around each message (role, separators), as OpenAI counts them. */
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** Tokens that prime the reply, once per prompt. */
export const REPLY_PRIMING_TOKENS = 3;
const SUMMARY_HEADING = 'Earlier in this conversation:';
const CLIP_CHARS = 160;

/** History as it enters the prompt: recent turns verbatim, older ones as a summary for the system message. */
export interface FittedHistory {
  readonly messages: PromptMessage[];
  readonly summary: string | null;
  readonly condensed: boolean;
  readonly tokens: number;
}

/** Keeps the newest turns verbatim and summarises the older ones (no model call), all within `maxTokens`. */
export function fitHistory(history: readonly HistoryTurn[], maxTokens: number, countTokens: CountTokens): FittedHistory {
  const turns = history.map(withoutMarkers).filter((turn) => turn.content.length > 0);
  const costs = turns.map((turn) => countTokens(turn.content) + MESSAGE_OVERHEAD_TOKENS);
  let verbatimCost = 0;
  let keep = 0;
  // Grow the verbatim tail a whole exchange at a time so it never opens with an orphan answer.
  for (let k = 1; k <= turns.length; k++) {
    verbatimCost += costs[turns.length - k];
    if (verbatimCost > maxTokens) break;
    if (k === turns.length || turns[turns.length - k].role === 'user') keep = k;
  }
  const recent = turns.slice(turns.length - keep);
  const recentCost = sum(costs.slice(turns.length - keep));
  const summary = summarise(turns.slice(0, turns.length - keep), maxTokens - recentCost, countTokens);
  return {
    messages: recent.map((turn) => ({ role: turn.role, content: turn.content })),
    summary: summary?.text ?? null,
    condensed: keep < turns.length,
    tokens: recentCost + (summary?.tokens ?? 0),
  };
}

// The [n] of an earlier answer named that turn's sources, not this prompt's: left in, the model
// would copy numbers that now point at other chunks.
function withoutMarkers(turn: HistoryTurn): HistoryTurn {
  return turn.role === 'assistant' ? { role: turn.role, content: stripCitationMarkers(turn.content).trim() } : turn;
}

/** The newest summary lines that fit in `room` tokens (the separator before it included), or null. */
function summarise(older: readonly HistoryTurn[], room: number, countTokens: CountTokens): { text: string; tokens: number } | null {
  const lines = summaryLines(older);
  for (let from = 0; from < lines.length; from++) {
    const text = [SUMMARY_HEADING, ...lines.slice(from)].join('\n');
    const tokens = countTokens(`\n\n${text}`);
    if (tokens <= room) return { text, tokens };
  }
  return null;
}

function summaryLines(older: readonly HistoryTurn[]): string[] {
  const lines: string[] = [];
  let open = false;
  for (const turn of older) {
    if (turn.role === 'user') lines.push(`- Asked: ${clip(turn.content)}`);
    else if (open) lines[lines.length - 1] += ` Answered: ${firstSentence(turn.content)}`;
    else lines.push(`- Answered: ${firstSentence(turn.content)}`);
    // An answer joins the question before it; a second answer in a row gets its own line.
    open = turn.role === 'user';
  }
  return lines;
}

function firstSentence(text: string): string {
  const first = sentenceSpans(text)[0];
  return clip(first ? text.slice(first.start, first.end) : text);
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= CLIP_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', CLIP_CHARS - 1);
  return `${flat.slice(0, cut > 0 ? cut : CLIP_CHARS - 1)}…`;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
