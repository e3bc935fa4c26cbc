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
  const yes = h('button', {
    class: 'button button--primary',
    attrs: { type: 'button' },
    text: options.confirm,
  });
  const no = h('button', { class: 'button', attrs: { type: 'button' }, text: 'Cancel' });
  const dialog = openModal({
    id: options.id,
    title: options.title,
    body: [h('p', { id: textId, text: options.text }), h('div', { class: 'dialog__actions' }, yes, no)],
    onClose: () => {
      if (confirmed) options.onConfirm();
    },
  });
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-describedby', textId);
  yes.addEventListener('click', () => {
    confirmed = true;
    dialog.close();
  });
  no.addEventListener('click', () => dialog.close());
  no.focus();
  return dialog;
}
