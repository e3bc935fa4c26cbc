/**
 * Decodes the emblem SVGs into images from the very start (main.ts), while Phaser boots: the preload
 * scene then only waits for what is left and shows the real count as its progress. Decoding outside
 * Phaser's loader also spares a frame per file, which matters in software WebGL.
 */
import { EMBLEM_DESIGN_IDS, emblemDataUri } from '../../present/emblems.ts';

export const EMBLEM_PX = 192;

type Progress = (done: number, total: number) => void;

export class EmblemImages {
  readonly total = EMBLEM_DESIGN_IDS.length;
  private done = 0;
  private readonly listeners = new Set<Progress>();
  readonly ready: Promise<Map<string, HTMLImageElement>>;

  constructor() {
    this.ready = Promise.all(
      EMBLEM_DESIGN_IDS.map(async (id) => {
        const image = new Image(EMBLEM_PX, EMBLEM_PX);
        image.src = emblemDataUri(id, EMBLEM_PX);
        try {
          await image.decode();
        } catch {
          console.warn(`emblem ${id} could not be drawn; the canvas shows its place empty`);
        }
        this.done += 1;
        for (const listener of this.listeners) listener(this.done, this.total);
        return [id, image] as const;
      }),
    ).then((pairs) => new Map(pairs));
  }

  /** True once every emblem has decoded (or failed to). */
  get settled(): boolean {
    return this.done === this.total;
  }

  /** Calls back now and on every decoded emblem; returns the unsubscribe function. */
  onProgress(listener: Progress): () => void {
    this.listeners.add(listener);
    listener(this.done, this.total);
    return () => this.listeners.delete(listener);
  }
}
