import { Disposable } from '../util/dispose';

/** How long a Simplified document must stay in view before word segmentation is loaded, in ms. */
const IDLE_MS = 500;

/**
 * Prepares word segmentation shortly after a Simplified document comes into view: loads jieba (about
 * 0.3 s of dictionary building) and builds the reader's segmented converter (about 0.15 s), each
 * blocking the extension host once, so that the reader and the conversion commands find them ready.
 * Never at activation.
 */
export class SegmenterWarmUp extends Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private done = false;

  /**
   * @param prepare loads and builds what a segmented conversion needs, reporting its own failures;
   *   returns false when there was nothing to prepare (segmentation turned off meanwhile)
   */
  constructor(private readonly prepare: () => boolean) {
    super();
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  /** A Simplified document is in view: prepare segmentation soon, unless that is done or already due. */
  request(): void {
    if (this.done || this.timer) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.done = this.prepare();
    }, IDLE_MS);
  }
}
