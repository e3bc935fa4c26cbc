// The projector: only the public picture, readable from the back of a classroom. The code and link to join, the
// turn and date, the clock, the public news, the indicators the public may see, and which seats have decided —
// by seat, never the choice, and never a student's name.

import { turnDate } from '../../present/cite.ts';
import type { ProjectorClientView } from '../../present/classroom-screens.ts';
import { h } from '../dom.ts';
import { qrSvg } from './qr.ts';

/** The latest headlines that fit the wall; the others are on the students' screens. */
const NEWS_SHOWN = 6;

export function projectorPage(view: ProjectorClientView, joinUrl: string, now: number): HTMLElement {
  const v = view.view;
  const latest = v.journal.filter((j) => j.turn === Math.max(-1, ...v.journal.map((e) => e.turn)));
  return h(
    'main',
    { class: 'class-page class-projector' },
    h(
      'header',
      { class: 'projector-head' },
      h(
        'div',
        {},
        h('p', { class: 'projector-join', text: 'Join at' }),
        h('p', { class: 'projector-url', text: joinUrl.replace(/^https?:\/\//, '') }),
        h('p', {
          class: 'projector-code',
          attrs: { 'aria-label': `Code ${view.code.split('').join(' ')}` },
          text: view.code,
        }),
      ),
      h('div', { class: 'projector-qr' }, qrSvg(joinUrl, `QR code to join room ${view.code}`)),
    ),
    h(
      'div',
      { class: 'projector-left' },
      h(
        'section',
        { class: 'projector-turn' },
        h('h1', {
          text:
            v.status === 'setup'
              ? 'The game starts soon'
              : `Turn ${v.turn.index + 1} of ${v.turn.count} · ${turnDate(v.turn)}`,
        }),
        v.status !== 'setup' && h('p', { class: 'projector-title', text: v.turn.title.text }),
        v.paused && h('p', { class: 'projector-paused', text: 'Paused' }),
        view.deadlineAt !== null &&
          h('p', {
            class: 'projector-clock',
            attrs: { 'data-clock': '' },
            text: clockText(view.deadlineAt, now),
          }),
        v.outcome &&
          h('p', { class: 'projector-outcome', text: `The game has ended: ${v.outcome.title.text}` }),
      ),
      h(
        'section',
        { class: 'projector-news', attrs: { 'aria-label': 'Public news' } },
        h('h2', { text: 'News' }),
        latest.length === 0
          ? h('p', { text: 'No news yet.' })
          : h(
              'ul',
              {},
              ...latest
                .slice(0, NEWS_SHOWN)
                .map((j) =>
                  h(
                    'li',
                    {},
                    h('strong', { text: j.headline.text }),
                    j.counterfactual && h('span', { class: 'badge', text: ' did not happen in history' }),
                  ),
                ),
            ),
      ),
    ),
    h(
      'div',
      { class: 'projector-right' },
      h(
        'section',
        { class: 'projector-seats', attrs: { 'aria-label': 'Who has decided' } },
        ...view.seats.map((s) =>
          h(
            'p',
            { class: `projector-seat projector-seat--${s.status}`, dataset: { seat: s.actor } },
            h('span', { text: s.label }),
            h('span', {
              text: s.status === 'submitted' ? ' ✓ decided' : s.status === 'deciding' ? ' … deciding' : '',
            }),
          ),
        ),
      ),
      h(
        'section',
        { class: 'projector-indicators', attrs: { 'aria-label': 'Public indicators' } },
        ...v.indicators
          .filter((i) => i.value !== null)
          .map((i) =>
            h(
              'div',
              { class: 'projector-indicator' },
              h('span', { text: i.label.text }),
              h('meter', {
                attrs: { min: i.min, max: i.max, value: i.value ?? 0, 'aria-label': i.label.text },
              }),
              h('span', { class: 'projector-value', text: String(i.value) }),
            ),
          ),
      ),
    ),
  );
}

export function clockText(deadlineAt: number, now: number): string {
  const left = Math.max(0, Math.round((deadlineAt - now) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
}
