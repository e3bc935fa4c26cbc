/**
 * A modal built on the native <dialog>: the browser traps focus, closes it on Esc and marks the rest
 * of the page inert. Focus returns to where it was when the dialog closes.
 */
import { h } from '../dom.ts';

export interface ModalOptions {
  id: string;
  title: string;
  body: Node[];
  /** called after the dialog has closed, however it was closed */
  onClose?: () => void;
}

export function openModal(options: ModalOptions): HTMLDialogElement {
  document.getElementById(options.id)?.remove();
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = `${options.id}-title`;
  const close = h('button', {
    class: 'button button--quiet dialog__close',
    attrs: { type: 'button' },
    text: 'Close',
  });
  const dialog = h(
    'dialog',
    { id: options.id, class: 'dialog', attrs: { 'aria-labelledby': titleId } },
    h('div', { class: 'dialog__head' }, h('h2', { id: titleId, text: options.title }), close),
    h('div', { class: 'dialog__body' }, ...options.body),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (returnFocus?.isConnected) returnFocus.focus();
    options.onClose?.();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
