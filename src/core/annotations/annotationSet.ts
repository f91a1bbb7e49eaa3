import { Annotation, positionOf, quoteOf, TextRange, withRange } from './annotation';
import { anchorAnnotation, PlacementMethod } from './reanchor';
import { InsertedText, insertedTexts, movedRange, rebaseRanges, TextChange } from './rebase';

/**
 * How a note came to be where it is. `method` is how it was last placed from its selectors (a note
 * added or re-attached here counts as `position`; following edits in the editor keeps the method);
 * `review` is set for a `fuzzy` placement until the user confirms it or re-attaches the note. Not
 * stored in the sidecar: a fuzzy placement keeps the note's old selectors there until confirmed, so
 * the next load finds and flags it the same way.
 */
export interface Placement {
  readonly method: PlacementMethod;
  readonly review: boolean;
}

/** An annotation and where it is in the current text; no range means an orphan, kept all the same. */
export interface PlacedAnnotation {
  readonly annotation: Annotation;
  readonly range: TextRange | undefined;
  readonly placement: Placement;
}

const PLACED_HERE: Placement = { method: 'position', review: false };
const ORPHAN: Placement = { method: 'orphan', review: false };

/**
 * The annotations of one document and their places in its current text. Pure: the VS Code side feeds
 * it edits and loaded sidecars and writes out what it returns. Nothing here ever drops an annotation
 * except {@link remove}.
 */
export class AnnotationSet {
  private placed: PlacedAnnotation[] = [];
  /** Ids deleted here, with when: a sidecar merged later must not bring them back unless edited since. */
  private readonly deleted = new Map<string, string>();

  get all(): readonly PlacedAnnotation[] {
    return this.placed;
  }

  get orphans(): readonly PlacedAnnotation[] {
    return this.placed.filter((p) => !p.range);
  }

  find(id: string): PlacedAnnotation | undefined {
    return this.placed.find((p) => p.annotation.id === id);
  }

  /** Annotations whose range holds `offset`. */
  at(offset: number): PlacedAnnotation[] {
    return this.placed.filter((p) => p.range && p.range.start <= offset && offset < p.range.end);
  }

  /** Replaces everything with `annotations`, each anchored in `text`. */
  load(annotations: readonly Annotation[], text: string): { anchored: number; orphans: number } {
    this.placed = annotations.map((annotation) => this.place(annotation, text));
    this.sort();
    return { anchored: this.placed.filter((p) => p.range).length, orphans: this.orphans.length };
  }

  add(annotation: Annotation, range: TextRange): void {
    this.placed.push({ annotation, range, placement: PLACED_HERE });
    this.sort();
  }

  /** Notes placed by an approximate match of their quote, not yet confirmed by the user. */
  get toReview(): readonly PlacedAnnotation[] {
    return this.placed.filter((p) => p.placement.review);
  }

  /**
   * The user accepts a fuzzy placement: the note is re-described at the text it is on (so the next
   * load finds it by position) and modified at `now`. Returns the updated note, or undefined when `id`
   * is unknown or an orphan.
   */
  confirm(id: string, text: string, now: string): PlacedAnnotation | undefined {
    const found = this.find(id);
    if (!found?.range) {
      return undefined;
    }
    return this.replace(found, { annotation: { ...withRange(found.annotation, text, found.range), modified: now }, range: found.range, placement: { method: found.placement.method, review: false } });
  }

  /**
   * Moves a note (an orphan, or one placed wrongly) onto `range` of `text`, chosen by the user; it is
   * re-described there and modified at `now`. Returns the updated note, or undefined for an unknown id.
   */
  reattach(id: string, range: TextRange, text: string, now: string): PlacedAnnotation | undefined {
    const found = this.find(id);
    if (!found || range.end <= range.start || range.end > text.length) {
      return undefined;
    }
    const updated = this.replace(found, { annotation: { ...withRange(found.annotation, text, range), modified: now }, range, placement: PLACED_HERE });
    this.sort();
    return updated;
  }

  update(annotation: Annotation): void {
    this.placed = this.placed.map((p) => (p.annotation.id === annotation.id ? { ...p, annotation } : p));
  }

  private replace(old: PlacedAnnotation, next: PlacedAnnotation): PlacedAnnotation {
    this.placed = this.placed.map((p) => (p === old ? next : p));
    return next;
  }

  remove(id: string, now: string): PlacedAnnotation | undefined {
    const found = this.find(id);
    if (found) {
      this.placed = this.placed.filter((p) => p !== found);
      this.deleted.set(id, now);
    }
    return found;
  }

  /**
   * Puts back an annotation removed by mistake (the undo of a delete), anchored again in `text`:
   * the document may have been edited since the delete.
   */
  restore(placed: PlacedAnnotation, text: string): void {
    this.deleted.delete(placed.annotation.id);
    if (!this.find(placed.annotation.id)) {
      this.placed.push(this.place(placed.annotation, text));
      this.sort();
    }
  }

  /**
   * Follows edits made in the editor: ranges move with the changes, and each annotation's selectors
   * are re-described against `text` (the text after the changes), so its quote is the text it now
   * covers (a note awaiting review keeps its old selectors: they are what the user is to compare).
   * A note whose text was deleted and inserted elsewhere by the same batch (Move Line, drag and drop)
   * goes with it (see movedRange); other notes whose text was replaced (even by exactly one change
   * covering it) are anchored again by their quote and context (anchorAnnotation), and become
   * orphans when that fails. With `retryOrphans` (an undo or redo), orphans are looked for too.
   */
  applyChanges(changes: readonly TextChange[], text: string, options: { retryOrphans?: boolean } = {}): { reanchored: boolean; placedAgain: TextRange[] } {
    const rebased = rebaseRanges(
      this.placed.map((p) => p.range),
      changes,
    );
    // Where notes went other than by following the edit (moved with their text, found again): the
    // reader re-renders those places, which the edit's own patch may not cover.
    const placedAgain: TextRange[] = [];
    let inserted: InsertedText[] | undefined;
    const ranges = rebased.map((range, i) => {
      const before = this.placed[i]!;
      if (range || !before.range || before.placement.review) {
        return range;
      }
      inserted ??= insertedTexts(changes);
      const carried = movedRange(before.range, quoteOf(before.annotation), changes, inserted);
      if (carried) {
        placedAgain.push(carried);
      }
      return carried;
    });
    let reanchored = placedAgain.length > 0;
    this.placed = this.placed.map((p, i) => {
      const range = ranges[i];
      if (range) {
        return { annotation: p.placement.review ? p.annotation : withRange(p.annotation, text, range), range, placement: p.placement };
      }
      if (p.range || options.retryOrphans) {
        // Its text was replaced — a reload after a change on disk (VS Code sends it as line edits), a
        // replace-all, or the user retyping it: looked for again, to the same standards as on load.
        // (Orphans too, on an undo or redo: Ctrl+Z after deleting a paragraph brings its notes back.)
        reanchored = true;
        const found = this.place(p.annotation, text);
        if (found.range) {
          placedAgain.push(found.range);
        }
        return found;
      }
      return p;
    });
    if (reanchored) {
      this.sort();
    }
    return { reanchored, placedAgain };
  }

  /** Anchors every annotation again in `text` (the file changed outside VS Code). */
  reanchor(text: string): void {
    this.placed = this.placed.map((p) => this.place(p.annotation, text));
    this.sort();
  }

  /**
   * Merges annotations read from the sidecar on disk (another window, git) by id: the newer
   * `modified` wins; one deleted here stays deleted unless it was modified after the deletion. With
   * `base` — the notes as this window last wrote or read the file — a note the other writer had and
   * no longer has was deleted there, and goes here too unless edited here since. Returns how many
   * annotations changed.
   */
  merge(external: readonly Annotation[], text: string, base?: readonly Annotation[]): number {
    let changed = 0;
    const byId = new Map(this.placed.map((p) => [p.annotation.id, p]));
    if (base) {
      const externalIds = new Set(external.map((a) => a.id));
      for (const known of base) {
        const mine = byId.get(known.id);
        if (!externalIds.has(known.id) && mine && mine.annotation.modified <= known.modified) {
          byId.delete(known.id);
          changed++;
        }
      }
    }
    for (const annotation of external) {
      const deletedAt = this.deleted.get(annotation.id);
      if (deletedAt && annotation.modified <= deletedAt) {
        continue;
      }
      const mine = byId.get(annotation.id);
      if (!mine || annotation.modified > mine.annotation.modified) {
        byId.set(annotation.id, this.place(annotation, text));
        changed++;
      }
    }
    this.placed = [...byId.values()];
    this.sort();
    return changed;
  }

  /**
   * The annotations as they should be saved for `text`: placed ones re-described; orphans and notes
   * awaiting review as they were (a review note's old quote is what tells the next load it is fuzzy).
   */
  snapshot(text: string): Annotation[] {
    return this.placed.map((p) => (p.range && !p.placement.review ? withRange(p.annotation, text, p.range) : p.annotation));
  }

  private place(annotation: Annotation, text: string): PlacedAnnotation {
    const anchored = anchorAnnotation(annotation, text);
    if (!anchored) {
      return { annotation, range: undefined, placement: ORPHAN };
    }
    if (anchored.method === 'fuzzy') {
      return { annotation, range: anchored.range, placement: { method: 'fuzzy', review: true } };
    }
    return { annotation: withRange(annotation, text, anchored.range), range: anchored.range, placement: { method: anchored.method, review: false } };
  }

  private sort(): void {
    const key = (p: PlacedAnnotation) => p.range?.start ?? positionOf(p.annotation).start;
    this.placed.sort((a, b) => key(a) - key(b) || quoteOf(a.annotation).exact.localeCompare(quoteOf(b.annotation).exact));
  }
}
