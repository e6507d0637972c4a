// A form's labelled inputs with a place for the server's message on each: the API refuses a form
// with {field, message} per field (docs/api.md), and each message goes under its own input.
import { clear, h } from './dom.js';

// A labelled input with an error line below it; `input` carries the id the label names.
export function field(labelText, input) {
  const error = h('p', { class: 'field-error', id: `${input.id}-error`, role: 'alert' });
  input.setAttribute('aria-describedby', error.id);
  return { input, error, nodes: [h('label', { for: input.id }, labelText), input, error] };
}

// Puts each of the server's field messages under its field; true when any was placed.
export function showFieldErrors(fields, error) {
  for (const f of Object.values(fields)) clear(f.error);
  let placed = false;
  for (const { field: name, message } of error?.fields ?? []) {
    if (fields[name]) { fields[name].error.textContent = message; placed = true; }
  }
  return placed;
}
