/**
 * The accessible DOM layer: real HTML for every text and control of the current scene, beside the
 * canvas (which is aria-hidden). It owns the panel, the live regions, the captions, the dialogs and
 * the keyboard shortcuts: digits pick, Enter confirms, Esc opens the menu.
 */
import { t } from '../present/i18n/i18n.ts';
import type { Send } from '../present/intents.ts';
import { h } from './dom.ts';

/**
 * A sound's caption in the current language, by the cue's id; the audio layer (src/audio/cues.ts, which imports no
 * other layer) gives its English words, kept for a cue this list does not know.
 */
function captionText(caption: { id: string; text: string }): string {
  switch (caption.id) {
    case 'confirm':
      return t('caption.confirm');
    case 'news':
      return t('caption.news');
    case 'alarm':
      return t('caption.alarm');
    case 'turn':
      return t('caption.turn');
    case 'outcome':
      return t('caption.outcome');
    case 'music-calm':
      return t('caption.musicCalm');
    case 'music-tense':
      return t('caption.musicTense');
    case 'music-critical':
      return t('caption.musicCritical');
    default:
      return caption.text;
  }
}

export interface ScreenView {
  /** the scene name, written to <body data-scene> for styling and tests */
  scene: string;
  element: HTMLElement;
  /** receives focus when the view is shown, so a screen reader starts at the scene's heading */
  heading: HTMLElement;
  onDigit?: (digit: number) => void;
  /** Enter outside any button or field; returns true when it acted */
  onEnter?: () => boolean;
}

const CAPTION_MS = 4500;

export class DomLayer {
  private view: ScreenView | null = null;
  private readonly live: HTMLElement;
  private readonly captions: HTMLElement;
  private captionsEnabled = true;
  private drawn!: (scene: string) => void;
  /** The first screen drawn (its scene): what waits until the page is up (a storage read, say) waits for this. */
  readonly firstDrawn = new Promise<string>((resolve) => {
    this.drawn = resolve;
  });

  constructor(
    private readonly panel: HTMLElement,
    private readonly send: Send,
  ) {
    this.live = requireElement('live');
    this.captions = requireElement('captions');
    document.addEventListener('keydown', (event) => this.onKey(event));
  }

  get currentScene(): string | null {
    return this.view?.scene ?? null;
  }

  show(view: ScreenView): void {
    this.view = view;
    document.body.dataset.scene = view.scene;
    delete document.body.dataset.sceneReady;
    this.panel.replaceChildren(view.element);
    view.heading.tabIndex = -1;
    // The panel's scroll and the focus are set at the next frame, before it is drawn: each makes the browser lay the
    // page out at once, and here, in the task that shows the view, that was the new view's whole style and layout
    // before anything else could run (issue 18: New game's screen, and the title, waited for it). At the frame the
    // layout is the one the frame does anyway. A view replaced before then, or one the player has already put the focus
    // in (a click that quick), is left as it is.
    requestAnimationFrame(() => {
      if (this.view !== view || view.element.contains(document.activeElement)) return;
      this.panel.scrollTop = 0;
      // Focus the heading unless a dialog is open (it keeps focus until closed).
      if (!document.querySelector('dialog[open]')) view.heading.focus({ preventScroll: true });
    });
  }

  /** Marks the scene as drawn and interactive (tests and the bench wait for this). */
  markReady(scene: string): void {
    if (this.view?.scene !== scene) return;
    document.body.dataset.sceneReady = scene;
    this.drawn(scene);
  }

  /** Polite announcement, for news and turn changes. */
  announce(text: string): void {
    // Re-adding the node makes screen readers speak a repeated message too.
    this.live.replaceChildren(h('p', { text }));
  }

  setCaptionsEnabled(enabled: boolean): void {
    this.captionsEnabled = enabled;
    this.captions.hidden = !enabled;
    if (!enabled) this.captions.replaceChildren();
  }

  caption(caption: { id: string; text: string }): void {
    if (!this.captionsEnabled) return;
    const line = h('p', { class: 'caption', dataset: { cue: caption.id } }, `[${captionText(caption)}]`);
    this.captions.append(line);
    while (this.captions.childElementCount > 2) this.captions.firstElementChild?.remove();
    window.setTimeout(() => line.remove(), CAPTION_MS);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    // An open dialog handles its own keys; the native <dialog> closes on Esc.
    if (document.querySelector('dialog[open]')) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const inField = !!target?.closest('input:not([type=range]):not([type=checkbox]), textarea, select');
    if (event.key === 'Escape') {
      event.preventDefault();
      this.send({ type: 'open-menu' });
    } else if (/^[1-9]$/.test(event.key) && !inField && this.view?.onDigit) {
      event.preventDefault();
      this.view.onDigit(Number(event.key));
    } else if (event.key === 'Enter' && !target?.closest('button, a, input, select, textarea, summary')) {
      if (this.view?.onEnter?.()) event.preventDefault();
    }
  }
}

export function requireElement(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el;
}
