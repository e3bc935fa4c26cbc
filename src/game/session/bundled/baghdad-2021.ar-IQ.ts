/**
 * The Baghdad scenario's texts in Iraqi Arabic (scenarios/baghdad-2021/locale/ar-IQ): a lazy chunk of its own,
 * loaded only when the game is played in Arabic (scenario-registry.ts), checked when the game is built and
 * given as the edits that put them in the English scenario's place (src/scenario/locale-edits.ts).
 */
export { edits } from 'virtual:checked-scenario/locale/ar-IQ/scenarios/baghdad-2021';
