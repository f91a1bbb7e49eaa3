import { Annotation, positionOf, quoteOf, TextRange, withRange } from './annotation';
import { anchorAnnotation } from './reanchor';
import { rebaseRanges, TextChange } from './rebase';

/** An annotation and where it is in the current text; no range means an orphan, kept all the same. */
export interface PlacedAnnotation {
  readonly annotation: Annotation;
  readonly range: TextRange | undefined;
}

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
    this.placed.push({ annotation, range });
    this.sort();
  }

  update(annotation: Annotation): void {
    this.placed = this.placed.map((p) => (p.annotation.id === annotation.id ? { ...p, annotation } : p));
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
   * covers. Annotations whose text was deleted become orphans.
   */
  applyChanges(changes: readonly TextChange[], text: string): { reanchored: boolean } {
    const ranges = rebaseRanges(
      this.placed.map((p) => p.range),
      changes,
    );
    // A change replacing most of the text is a reload or a replace-all rather than an edit of the
    // notes' text: their quotes are looked for again instead of orphaning them all.
    const replaced = changes.reduce((sum, c) => sum + c.length, 0);
    const wholesale = replaced > 0 && replaced >= (text.length - changes.reduce((sum, c) => sum + c.text.length - c.length, 0)) / 2;
    let reanchored = false;
    this.placed = this.placed.map((p, i) => {
      const range = ranges[i];
      if (range) {
        return { annotation: withRange(p.annotation, text, range), range };
      }
      if (p.range && wholesale) {
        reanchored = true;
        return this.place(p.annotation, text);
      }
      return { annotation: p.annotation, range: undefined };
    });
    if (reanchored) {
      this.sort();
    }
    return { reanchored };
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

  /** The annotations as they should be saved for `text`: placed ones re-described, orphans as they were. */
  snapshot(text: string): Annotation[] {
    return this.placed.map((p) => (p.range ? withRange(p.annotation, text, p.range) : p.annotation));
  }

  private place(annotation: Annotation, text: string): PlacedAnnotation {
    const anchored = anchorAnnotation(annotation, text);
    return anchored ? { annotation: withRange(annotation, text, anchored.range), range: anchored.range } : { annotation, range: undefined };
  }

  private sort(): void {
    const key = (p: PlacedAnnotation) => p.range?.start ?? positionOf(p.annotation).start;
    this.placed.sort((a, b) => key(a) - key(b) || quoteOf(a.annotation).exact.localeCompare(quoteOf(b.annotation).exact));
  }
}
