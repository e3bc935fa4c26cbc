/** Settings: volume, music/effects balance, mute, captions, text size, motion. Applied as they change. */
import { h } from '../dom.ts';
import { type MotionSetting, type Settings, type SettingsStore, TEXT_SCALES } from '../settings-store.ts';
import { openModal } from './modal-dialog.ts';

function slider(store: SettingsStore, key: 'volume' | 'music' | 'effects', label: string): HTMLElement {
  const id = `setting-${key}`;
  const output = h('output', { attrs: { for: id } });
  const input = h('input', {
    id,
    attrs: { type: 'range', min: 0, max: 100, step: 5, value: Math.round(store.value[key] * 100) },
  });
  const sync = () => {
    output.textContent = `${input.value}%`;
    input.setAttribute('aria-valuetext', `${input.value} percent`);
  };
  sync();
  input.addEventListener('input', () => {
    sync();
    store.update({ [key]: Number(input.value) / 100 } as Partial<Settings>);
  });
  return h(
    'div',
    { class: 'field field--range' },
    h('label', { attrs: { for: id }, text: label }),
    input,
    output,
  );
}

function checkbox(store: SettingsStore, key: 'muted' | 'captions', label: string): HTMLElement {
  const id = `setting-${key}`;
  const input = h('input', { id, attrs: { type: 'checkbox', checked: store.value[key] } });
  input.addEventListener('change', () => store.update({ [key]: input.checked } as Partial<Settings>));
  return h('div', { class: 'field field--check' }, input, h('label', { attrs: { for: id }, text: label }));
}

function select<T extends string | number>(
  id: string,
  label: string,
  options: readonly { value: T; text: string }[],
  current: T,
  onChange: (value: T) => void,
): HTMLElement {
  const el = h(
    'select',
    { id },
    ...options.map((o) =>
      h('option', { attrs: { value: String(o.value), selected: o.value === current }, text: o.text }),
    ),
  );
  el.addEventListener('change', () => {
    const picked = options.find((o) => String(o.value) === el.value);
    if (picked) onChange(picked.value);
  });
  return h('div', { class: 'field' }, h('label', { attrs: { for: id }, text: label }), el);
}

export function openSettingsDialog(store: SettingsStore): HTMLDialogElement {
  const motions: { value: MotionSetting; text: string }[] = [
    { value: 'system', text: 'Follow the system setting' },
    { value: 'reduced', text: 'Reduced: no animation' },
    { value: 'full', text: 'Full animation' },
  ];
  return openModal({
    id: 'settings-dialog',
    title: 'Settings',
    body: [
      h(
        'fieldset',
        { class: 'fieldset' },
        h('legend', { text: 'Sound' }),
        slider(store, 'volume', 'Volume'),
        slider(store, 'music', 'Music'),
        slider(store, 'effects', 'Effects'),
        checkbox(store, 'muted', 'Mute all sound'),
        checkbox(store, 'captions', 'Show captions for sounds'),
      ),
      h(
        'fieldset',
        { class: 'fieldset' },
        h('legend', { text: 'Display' }),
        select(
          'setting-text-scale',
          'Text size',
          TEXT_SCALES.map((s) => ({ value: s as number, text: `${Math.round(s * 100)}%` })),
          store.value.textScale,
          (textScale) => store.update({ textScale }),
        ),
        select('setting-motion', 'Motion', motions, store.value.motion, (motion) => store.update({ motion })),
      ),
      h('p', { class: 'hint', text: 'Settings are saved in this browser and apply at once.' }),
    ],
  });
}
