// Filling the forms the workflows declare, from their JSON (GET /cases/{id}/actions), so that the
// tests follow the shipped forms instead of guessing field names: in the page (the UI draws each
// field in an element with data-path) or as a payload for preparing a case through the API.

// A date `days` from today: "YYYY-MM-DD".
export function dayFromNow(days) {
  const d = new Date(Date.now() + days * 86400000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const firstOption = (field) => field.options?.[0]?.value;

// A value the field accepts, for its required fields; `choose` overrides by field name.
function sampleValue(field, choose) {
  if (field.name in choose) return choose[field.name];
  switch (field.type) {
    case 'text': case 'place': return 'Test';
    case 'link': return 'https://meet.example.cz/test';
    case 'long_text': return 'Zaznamenáno v testu.';
    case 'number': return field.min ?? 1;
    case 'date': return dayFromNow(7);
    case 'datetime': return `${dayFromNow(7)}T09:00:00+01:00`;
    case 'yes_no': return false;
    case 'choices': return [firstOption(field)];
    case 'rows': return Array.from({ length: Math.max(field.min_rows ?? 0, 1) }, () => payloadFor({ fields: field.fields }));
    default: return firstOption(field);
  }
}

// A payload with every required field filled (and those named in `choose`).
export function payloadFor(form, choose = {}) {
  const payload = {};
  for (const field of form?.fields ?? []) {
    if (field.required || field.name in choose) payload[field.name] = sampleValue(field, choose);
  }
  return payload;
}

// Fills the required fields (and those named in `choose`) of the step form `scope` (a locator)
// drawn from `form`; rows get their minimum number of rows, at least one.
export async function fillForm(scope, form, choose = {}, prefix = '') {
  for (const field of form?.fields ?? []) {
    if (!field.required && !(field.name in choose)) continue;
    const path = prefix + field.name;
    const el = scope.locator(`[data-path="${path}"]`);
    const value = sampleValue(field, choose);
    switch (field.type) {
      case 'text': case 'place': case 'link': await el.locator('input').fill(String(value)); break;
      case 'long_text': await el.locator('textarea').fill(String(value)); break;
      case 'number': await el.locator('input').fill(String(value)); break;
      case 'date': await el.locator('input').fill(value); break;
      case 'datetime': await el.locator('input').fill(`${value.slice(0, 16)}`); break;
      case 'yes_no': await el.locator(`input[value="${value ? 'yes' : 'no'}"]`).check(); break;
      case 'choices': for (const v of value) await el.locator(`input[value="${v}"]`).check(); break;
      case 'rows': {
        const wanted = Math.max(field.min_rows ?? 0, 1);
        while (await el.locator('fieldset.row').count() < wanted) await el.getByRole('button', { name: 'Přidat řádek' }).click();
        for (let i = 1; i <= wanted; i++) await fillForm(scope, { fields: field.fields }, {}, `${path}.${i}.`);
        break;
      }
      default: // choice, user, actor: radios or a select
        if (await el.locator('select').count()) await el.locator('select').selectOption(String(value));
        else await el.locator(`input[value="${value}"]`).check();
    }
  }
}
