// A classroom form that asks the server something: its button is disabled while the answer is awaited, and a
// refusal is said in one sentence in the form's alert, in place.
import { h } from '../dom.ts';

export interface AskingForm {
  form: HTMLFormElement;
  submit: HTMLButtonElement;
  status: HTMLElement;
}

export function askingForm(
  label: string,
  ask: () => Promise<string | null>,
  ...fields: (Node | false | null)[]
): AskingForm {
  const status = h('p', { class: 'notice', attrs: { role: 'alert' } });
  status.hidden = true;
  const submit = h('button', { class: 'button button--primary', attrs: { type: 'submit' }, text: label });
  const form = h(
    'form',
    {
      class: 'class-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          submit.disabled = true;
          status.hidden = true;
          void ask().then((refused) => {
            submit.disabled = false;
            if (refused) {
              status.textContent = refused;
              status.hidden = false;
            }
          });
        },
      },
    },
    ...fields,
    status,
    submit,
  );
  return { form, submit, status };
}
