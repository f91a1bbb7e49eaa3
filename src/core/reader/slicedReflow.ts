import { ANCHOR_DISTANCE, reflowIncrementally } from './incrementalReflow';
import { reflow, ReflowBlock } from './reflow';

/** Slices a paragraph may run over before slices are gathered (see reflowInSlices). */
const LONG_RUN_SLICES = 4;
/** Characters reflowed per slice: at most about 15 ms on this project's bench machine, even at 20 MB (splicing grows with the blocks so far). */
export const REFLOW_SLICE_CHARACTERS = 64 * 1024;

/**
 * `text` reflowed a slice at a time, awaiting `pause` between slices so that the extension host
 * stays responsive (a 20 MB novel reflowed in one call blocked it for about 330 ms). Each slice ends
 * at a line break and is appended as an edit at the end of what is reflowed so far, through
 * reflowIncrementally — the same splice, anchors and fall-back to a full reflow that keep typing
 * correct — so the result is the reflow of the whole text. `pause` gets the blocks so far and how
 * many of them are settled: kept as they are, as the same objects, when the next slice is appended
 * (all but the last ANCHOR_DISTANCE, which it reflows again — unless the splice falls back to a full
 * reflow, so a caller relying on them checks identity in the result). It resolves to false to give
 * up, and the result is then undefined. A paragraph that runs on over many slices gathers slices
 * (see LONG_RUN_SLICES), so text without paragraph ends costs linear time, in fewer, longer steps.
 */
export async function reflowInSlices(
  text: string,
  pause: (blocks: readonly ReflowBlock[], settled: number) => Promise<boolean>,
  sliceCharacters = REFLOW_SLICE_CHARACTERS,
): Promise<ReflowBlock[] | undefined> {
  if (text.length <= sliceCharacters) {
    return reflow(text);
  }
  let end = sliceEnd(text, 0, sliceCharacters);
  let blocks = reflow(text.slice(0, end));
  // What `blocks` is the reflow of: a slice is left for later while the last block goes on and on.
  let reflowedEnd = end;
  while (end < text.length) {
    if (!(await pause(blocks, Math.max(0, blocks.length - ANCHOR_DISTANCE)))) {
      return undefined;
    }
    const next = sliceEnd(text, end, sliceCharacters);
    // A paragraph running over many slices (text without paragraph ends) is reflowed again whole with
    // every slice appended to it: quadratic. Past a few slices, slices wait until as much text waits
    // as the paragraph holds, so that the work doubles at most (linear over the text).
    let lastBlock = blocks.length - 1;
    while (lastBlock > 0 && blocks[lastBlock]!.continuesPrevious) {
      lastBlock--;
    }
    const run = lastBlock >= 0 ? reflowedEnd - blocks[lastBlock]!.startOffset : 0;
    if (next < text.length && run > LONG_RUN_SLICES * sliceCharacters && next - reflowedEnd < run) {
      end = next;
      continue;
    }
    blocks = reflowIncrementally(blocks, text.slice(0, reflowedEnd), text.slice(0, next), { start: reflowedEnd, oldEnd: reflowedEnd, newEnd: next });
    end = next;
    reflowedEnd = next;
  }
  return blocks;
}

/** The end of the slice starting at `start`: just after the first line break past `start + size`, or the text's end. */
function sliceEnd(text: string, start: number, size: number): number {
  if (start + size >= text.length) {
    return text.length;
  }
  const breakAt = text.indexOf('\n', start + size);
  return breakAt === -1 ? text.length : breakAt + 1;
}
