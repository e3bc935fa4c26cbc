/** The menu (Esc): resume, settings, the keys, and quitting to the title during a game. */
import type { MenuActions } from '../../present/screens.ts';
import { h } from '../dom.ts';
import { openModal } from './modal-dialog.ts';

const KEYS: readonly [string, string][] = [
  ['1 to 9', 'pick a perspective or an option'],
  ['Enter', 'confirm'],
  ['Tab', 'move between controls'],
  ['Esc', 'open or close this menu'],
];

export function openMenuDialog(actions: MenuActions): HTMLDialogElement {
  const dialog = openModal({ id: 'menu-dialog', title: 'Menu', body: [] });
  const body = dialog.querySelector('.dialog__body');
  const item = (text: string, act: () => void) =>
    h('li', {}, h('button', { class: 'button', attrs: { type: 'button' }, text, on: { click: act } }));
  body?.append(
    h(
      'ul',
      { class: 'menu-list' },
      item('Resume', () => dialog.close()),
      item('Settings', () => {
        dialog.close();
        actions.openSettings();
      }),
      actions.quitToTitle &&
        item('Save and quit to the title', () => {
          dialog.close();
          actions.quitToTitle?.();
        }),
    ),
    h('h3', { text: 'Keys' }),
    h(
      'dl',
      { class: 'keys' },
      ...KEYS.flatMap(([key, what]) => [h('dt', {}, h('kbd', { text: key })), h('dd', { text: what })]),
    ),
  );
  dialog.querySelector<HTMLButtonElement>('.menu-list button')?.focus();
  return dialog;
}
