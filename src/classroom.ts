/**
 * Entry point of the classroom page (class.html, served at /class and /join/CODE by `npm run serve`): a student's
 * seat, the facilitator's console or the projector, all rendered from what the classroom server sends.
 */
import './ui/styles.css';
import './ui/classroom/classroom.css';
import { ClassroomApp } from './ui/classroom/classroom-app.ts';
import { requireElement } from './ui/dom-layer.ts';
import { applyPalette } from './ui/theme.ts';

applyPalette();
void new ClassroomApp(requireElement('classroom')).start();
