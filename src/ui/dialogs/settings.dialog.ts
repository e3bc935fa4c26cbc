/**
 * Settings: volume, music/effects balance, mute, captions, text size, motion, language. Applied as they change; a
 * new language is remembered and then applied by `onLanguage` (the solo game reloads the page in it).
 */
import {
  formatNumber,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  language,
  t,
} from '../../present/i18n/i18n.ts';
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
    output.textContent = formatNumber(Number(input.value) / 100, { percent: true });
    input.setAttribute('aria-valuetext', t('settings.percent', { value: Number(input.value) }));
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
  options: readonly { value: T; text: string; lang?: string }[],
  current: T,
  onChange: (value: T) => void,
): HTMLElement {
  const el = h(
    'select',
    { id },
    ...options.map((o) =>
      h('option', {
        attrs: { value: String(o.value), selected: o.value === current, lang: o.lang ?? false },
        text: o.text,
      }),
    ),
  );
  el.addEventListener('change', () => {
    const picked = options.find((o) => String(o.value) === el.value);
    if (picked) onChange(picked.value);
  });
  return h('div', { class: 'field' }, h('label', { attrs: { for: id }, text: label }), el);
}

/** Reloads the page in the new language: the solo game's screens are drawn again from the start in it. */
const reload = () => location.reload();

export function openSettingsDialog(
  store: SettingsStore,
  onLanguage: (chosen: Language) => void = reload,
): HTMLDialogElement {
  const motions: { value: MotionSetting; text: string }[] = [
    { value: 'system', text: t('settings.motionSystem') },
    { value: 'reduced', text: t('settings.motionReduced') },
    { value: 'full', text: t('settings.motionFull') },
  ];
  // Each language under its own name, which is the same in every language.
  const languages = LANGUAGES.map((l) => ({ value: l, text: LANGUAGE_NAMES[l], lang: l }));
  return openModal({
    id: 'settings-dialog',
    title: t('settings.title'),
    body: [
      h(
        'fieldset',
        { class: 'fieldset' },
        h('legend', { text: t('settings.sound') }),
        slider(store, 'volume', t('settings.volume')),
        slider(store, 'music', t('settings.music')),
        slider(store, 'effects', t('settings.effects')),
        checkbox(store, 'muted', t('settings.mute')),
        checkbox(store, 'captions', t('settings.captions')),
      ),
      h(
        'fieldset',
        { class: 'fieldset' },
        h('legend', { text: t('settings.display') }),
        select(
          'setting-text-scale',
          t('settings.textSize'),
          TEXT_SCALES.map((s) => ({ value: s as number, text: formatNumber(s, { percent: true }) })),
          store.value.textScale,
          (textScale) => store.update({ textScale }),
        ),
        select('setting-motion', t('settings.motion'), motions, store.value.motion, (motion) =>
          store.update({ motion }),
        ),
        select('setting-language', t('settings.language'), languages, language(), (chosen) => {
          store.update({ language: chosen });
          onLanguage(chosen);
        }),
      ),
      h('p', { class: 'hint', text: t('settings.saved') }),
    ],
  });
}
