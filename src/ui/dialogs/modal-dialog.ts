/**
 * A modal built on the native <dialog>: the browser traps focus, closes it on Esc and marks the rest
 * of the page inert. Focus returns to where it was when the dialog closes.
 */
import { html, render, type TemplateResult } from 'lit-html';
import { t } from '../../present/i18n/i18n.ts';

export interface ModalOptions {
  id: string;
  title: string;
  /** the contents, rendered into the dialog's body (which `renderBody` can render again) */
  body: TemplateResult;
  /** called after the dialog has closed, however it was closed */
  onClose?: () => void;
}

export function openModal(options: ModalOptions): HTMLDialogElement {
  document.getElementById(options.id)?.remove();
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = `${options.id}-title`;
  const dialog = document.createElement('dialog');
  dialog.id = options.id;
  dialog.className = 'dialog';
  dialog.setAttribute('aria-labelledby', titleId);
  render(
    html`<div class="dialog__head"><h2 id=${titleId}>${options.title}</h2><button
      class="button button--quiet dialog__close" type="button" @click=${() => dialog.close()}>${t('dialog.close')}</button></div><div
      class="dialog__body"></div>`,
    dialog,
  );
  const body = dialog.querySelector<HTMLElement>('.dialog__body')!;
  render(options.body, body);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (returnFocus?.isConnected) returnFocus.focus();
    options.onClose?.();
  });
  document.body.append(dialog);
  dialog.showModal();
  scrollableByKeys(dialog, body, titleId);
  return dialog;
}

/** Renders the dialog's contents again from a new template: what did not change stays (focus, a value being set). */
export function renderBody(dialog: HTMLDialogElement, body: TemplateResult): void {
  const element = dialog.querySelector<HTMLElement>('.dialog__body');
  if (element) render(body, element);
}

/** The keys that scroll a page, and how far each moves the dialog's body (a share of its height, or to an end). */
const SCROLL_KEYS: Record<string, (page: number, top: number, end: number) => number> = {
  ArrowDown: (_, top) => top + 40,
  ArrowUp: (_, top) => top - 40,
  PageDown: (page, top) => top + page * 0.9,
  PageUp: (page, top) => top - page * 0.9,
  Home: () => 0,
  End: (_, __, end) => end,
};

/**
 * A body longer than the dialog scrolls by keyboard (axe: scrollable-region-focusable): it is a named region in
 * the Tab order, which the browser scrolls itself when it has focus; and the page keys scroll it from wherever
 * focus is in the dialog (the Close button has it first), except in a control that uses those keys itself.
 */
function scrollableByKeys(dialog: HTMLDialogElement, body: HTMLElement, titleId: string): void {
  if (body.scrollHeight <= body.clientHeight) return;
  body.tabIndex = 0;
  body.setAttribute('role', 'region');
  body.setAttribute('aria-labelledby', titleId);
  dialog.addEventListener('keydown', (event) => {
    const move = SCROLL_KEYS[event.key];
    const target = event.target as HTMLElement;
    if (!move || event.altKey || event.ctrlKey || event.metaKey || target === body) return;
    if (target.closest('input, select, textarea, [contenteditable]')) return;
    event.preventDefault();
    body.scrollTop = move(body.clientHeight, body.scrollTop, body.scrollHeight - body.clientHeight);
  });
}

export interface ConfirmOptions {
  id: string;
  title: string;
  /** the question, in full: what will happen, then what is asked */
  text: string;
  /** the label of the button that goes ahead, e.g. "Start a new game" */
  confirm: string;
  onConfirm: () => void;
}

/**
 * A question before something that cannot be undone. Cancel (and Esc) keep things as they are and has focus
 * first, so that a hurried Enter does not destroy anything; the action runs only after the dialog has closed,
 * once focus is back where it was.
 */
export function openConfirm(options: ConfirmOptions): HTMLDialogElement {
  let confirmed = false;
  const textId = `${options.id}-text`;
  const dialog = openModal({
    id: options.id,
    title: options.title,
    body: html`<p id=${textId}>${options.text}</p><div class="dialog__actions"><button class="button button--primary"
      type="button" @click=${() => {
        confirmed = true;
        dialog.close();
      }}>${options.confirm}</button><button class="button" type="button" @click=${() => dialog.close()}>${t(
        'dialog.cancel',
      )}</button></div>`,
    onClose: () => {
      if (confirmed) options.onConfirm();
    },
  });
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-describedby', textId);
  dialog.querySelector<HTMLButtonElement>('.dialog__actions button:last-child')?.focus();
  return dialog;
}
