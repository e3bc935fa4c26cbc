// A classroom form that asks the server something: its button is disabled while the answer is awaited, and a
// refusal is said in one sentence in the form's alert, in place. What the form is doing is page state (an
// `Asking`), so every redraw of the page shows it; the fields keep what was typed, because the template never
// binds their current value.
import { html, nothing, type TemplateResult } from 'lit-html';

/** One form's state: waiting for the server's answer, and the last refusal. */
export class Asking {
  pending = false;

  constructor(
    private readonly redraw: () => void,
    /** A refusal to show from the start (why the last try failed). */
    public refused: string | null = null,
  ) {}

  /** The form's submit handler: asks with the form's fields, then shows the answer. */
  submit(ask: (form: HTMLFormElement) => Promise<string | null>): (event: SubmitEvent) => void {
    return (event) => {
      event.preventDefault();
      if (this.pending) return;
      this.pending = true;
      this.refused = null;
      this.redraw();
      void ask(event.currentTarget as HTMLFormElement).then((refused) => {
        this.pending = false;
        this.refused = refused;
        this.redraw();
      });
    };
  }
}

export function askingForm(
  label: string,
  state: Asking,
  ask: (form: HTMLFormElement) => Promise<string | null>,
  fields: TemplateResult,
): TemplateResult {
  return html`<form class="class-form" @submit=${state.submit(ask)}>
    ${fields}
    <p class="notice" role="alert" ?hidden=${!state.refused}>${state.refused ?? nothing}</p>
    <button class="button button--primary" type="submit" ?disabled=${state.pending}>${label}</button>
  </form>`;
}

/** A field's current text, by its name in the form. */
export function fieldValue(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name);
  return field instanceof HTMLInputElement || field instanceof HTMLSelectElement ? field.value : '';
}
