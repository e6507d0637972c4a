// The browser UI as its users see it, in Debian's headless chromium against a real `souhra serve`:
// cases start as referrals and go through the steps their workflows declare, each with its form.
// The case manager completes a task through its form, files a referral, asks for help, sees a
// closed case and keeps a draft across an expired session; the head assigns a social worker to a
// new referral (a missing worker shown beside its field, as the UI and as the server say it) and
// sees who opened a case file; the coordinator acknowledges and resolves the escalation, confirms
// eligibility (refused in Czech until a case manager is named) and convenes a case conference;
// the methodologist edits a definition (an error shown at its line, fixed), saves a draft, runs a
// scenario on it, diffs and activates it; the admin issues a token for the integration account
// and revokes it. The tests of one user run in order on one page, each step on from the last.
// Each screen is saved as a screenshot in build/browser-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { ApiClient, listOf } from './api_client.js';
import { fillForm, payloadFor } from './forms.js';
import { demoPassword, repoRoot, startSouhra } from './souhra_server.js';

const artifacts = join(repoRoot, 'build', 'browser-artifacts');
const timeout = 10000;
let server;
let browser;
const api = {};
const cases = {};

async function signedInPage(role, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport, locale: 'cs-CZ', timezoneId: 'Europe/Prague' });
  page.setDefaultTimeout(timeout);
  page.on('pageerror', (error) => console.error(`[${role}] page error: ${error.message}`));
  await page.goto(server.url);
  await page.fill('#login', server.logins[role]);
  await page.fill('#password', demoPassword);
  await page.click('form button[type=submit]');
  await page.locator('#user-name').waitFor();
  return page;
}

async function screenshot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

const statusText = (page) => page.locator('#status');
const alertText = (page) => page.locator('#alert');

// Waits for the success message; fails with the alert's text (the server's refusal) otherwise.
// The message of an earlier step may still show meanwhile: it waits for one that matches.
async function expectStatus(page, pattern) {
  await page.waitForFunction(({ source, flags }) => new RegExp(source, flags).test(document.getElementById('status').textContent)
    || document.getElementById('alert').textContent, { source: pattern.source, flags: pattern.flags });
  const alert = await alertText(page).textContent();
  assert.equal(alert, '', `the UI showed an error: ${alert}`);
  assert.match(await statusText(page).textContent(), pattern);
}

// Takes the step `type` on a case through the API as `client`, its form's required fields filled
// (and those named in `choose`), as the UI would send it.
async function takeStep(client, caseId, type, choose = {}) {
  const { actions } = await client.get(`/cases/${caseId}/actions`);
  const action = actions.find((a) => a.type === type);
  assert.ok(action, `step ${type} is not offered on case ${caseId}; offered: ${actions.map((a) => a.type).join(', ')}`);
  const payload = payloadFor(action.form, choose);
  if (action.kind === 'task') return client.post(`/tasks/${action.task_id}/complete`, { result: payload });
  return client.post(`/cases/${caseId}/events`, { type, payload });
}

// The form of step `type` on a case as `client` sees it.
async function stepOf(client, caseId, type) {
  const { actions } = await client.get(`/cases/${caseId}/actions`);
  const action = actions.find((a) => a.type === type);
  assert.ok(action, `step ${type} is not offered on case ${caseId}; offered: ${actions.map((a) => a.type).join(', ')}`);
  return action;
}

// A new referral (workflow intake) with its form's required fields filled.
async function refer(code) {
  const { form } = await api.case_manager.get('/workflows/intake/referral');
  return (await api.case_manager.post('/cases', { code, data: { referral: payloadFor(form) } })).case;
}

const person = (role) => `user:${server.logins[role]}`;

// The needs questionnaire of a client the eligibility rules take for case management
// (rules/cm_eligibility.lua).
const eligible = {
  problem_areas: ['housing', 'debts', 'health'], expected_months: 12, actors_needed: 3, support: 'weak',
  can_solve_alone: false, worsening: true, motivated: true,
};

// Intake up to the coordinator's confirmation: the head assigns the social worker, who makes the
// first contact, records the client's consent and needs, and finishes the inquiry.
async function throughInquiry(id) {
  await takeStep(api.head, id, 'intake.assigned', { social_worker: person('social_worker') });
  await takeStep(api.social_worker, id, 'task.first_contact.done');
  await takeStep(api.social_worker, id, 'consent.recorded', {
    status: 'given', manner: 'written',
    kinds: [{ kind: 'social_services', purposes: ['conference', 'plan'] }],
  });
  await takeStep(api.social_worker, id, 'needs.recorded', eligible);
  await takeStep(api.social_worker, id, 'task.inquiry.done');
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await startSouhra();
  for (const role of ['social_worker', 'case_manager', 'coordinator', 'head', 'methodologist']) {
    assert.ok(server.logins[role], `souhra serve printed no demo sign-in for ${role}:\n${server.output()}`);
    api[role] = new ApiClient(server.url);
    await api[role].signIn(server.logins[role], demoPassword);
  }
  // Cases start as referrals and go through their steps as the people of the case take them:
  // one waits for the head's assignment, one for the coordinator's confirmation, two are in case
  // management (the case manager's tasks and escalation; a case conference).
  cases.assign = await refer('K-UI-0010');
  cases.confirm = await refer('K-UI-0011');
  await throughInquiry(cases.confirm.id);
  cases.plan = await refer('K-UI-0001');
  cases.conference = await refer('K-UI-0004');
  cases.closed = await refer('K-UI-0005');
  for (const c of [cases.plan, cases.conference, cases.closed]) {
    await throughInquiry(c.id);
    await takeStep(api.coordinator, c.id, 'eligibility.confirmed', { case_manager: person('case_manager') });
  }
  await takeStep(api.coordinator, cases.conference.id, 'conference.requested');
  await takeStep(api.case_manager, cases.closed.id, 'closure.requested');
  await takeStep(api.case_manager, cases.closed.id, 'task.evaluate_cm.done');
  await takeStep(api.coordinator, cases.closed.id, 'task.evaluate_coordinator.done');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--lang=cs-CZ'] });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const idOf = (created) => (created.case ?? created).id;

describe('case manager', () => {
  let page;
  before(async () => { page = await signedInPage('case_manager'); });
  after(async () => { await page?.close(); });

  it('signs in to "Moje úkoly" with name, role and unread count in the header', async () => {
    await page.locator('h1', { hasText: 'Moje úkoly' }).waitFor();
    assert.match(await page.locator('.who-am-i').textContent(), /case manager/);
    await page.waitForFunction(() => /^\d+$/.test(document.getElementById('unread').textContent));
    const groups = await page.locator('main h2').allTextContents();
    assert.deepEqual(groups.map((g) => g.replace(/ \(\d+\)$/, '')), ['Po termínu', 'Dnes', 'Nadcházející']);
    await screenshot(page, 'case-manager-tasks');
  });

  it('completes a task through its form', async () => {
    const { actions } = await api.case_manager.get(`/cases/${idOf(cases.plan)}/actions`);
    const action = actions.find((a) => a.kind === 'task' && a.form?.fields?.length);
    assert.ok(action, `no task with a form on K-UI-0001: ${JSON.stringify(actions)}`);
    const task = page.locator(`li.task[data-task-id="${action.task_id}"]`);
    await task.waitFor();
    await task.getByRole('button', { name: /Vyřídit úkol/ }).click();
    const form = task.locator('form.step-form');
    await form.waitFor();
    await fillForm(form, action.form);
    await screenshot(page, 'case-manager-task-form');
    await form.locator('button[type=submit]').click();
    await expectStatus(page, /je hotový/);
    const file = await api.case_manager.get(`/cases/${idOf(cases.plan)}`);
    assert.ok(file.history.some((e) => e.type === action.type), `no ${action.type} in the case's history`);
  });

  it('shows the case file with its steps, timeline, plan, consent and people', async () => {
    await page.goto(`${server.url}#/cases/${idOf(cases.plan)}`);
    await page.locator('h1', { hasText: 'K-UI-0001' }).waitFor();
    for (const heading of ['Co mohu udělat', 'Časová osa', 'Individuální plán', 'Informovaný souhlas', 'Lidé', 'Aktéři']) {
      await page.locator('h2', { hasText: heading }).waitFor();
    }
    await page.locator('.step-actions button').first().waitFor();
    assert.ok(await page.locator('.timeline li').count() > 0, 'the timeline is empty');
    assert.equal(await page.locator('h2', { hasText: 'Kdo spis otevřel' }).count(), 0, 'only the head sees who opened the file');
    await screenshot(page, 'case-manager-case-file');
  });

  it('reads the case file in Czech words: titles, names, labels; no ISO time, seconds or codes', async () => {
    await page.goto(`${server.url}#/cases/${idOf(cases.plan)}`);
    await page.locator('h1', { hasText: 'K-UI-0001' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('main').textContent.includes('Načítám'));
    const workflows = page.locator('section', { has: page.locator('h2', { hasText: 'Postupy a stavy' }) });
    await workflows.locator('td', { hasText: 'Příjem podnětu' }).first().waitFor();
    const timeline = page.locator('.timeline');
    await timeline.locator('.what', { hasText: 'Zaznamenat informovaný souhlas' }).waitFor();
    await timeline.locator('.hint', { hasText: 'Forma: Písemně' }).first().waitFor();
    await timeline.locator('.who', { hasText: 'Bc. Lenka Dvořáková' }).first().waitFor();
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /\d{4}-\d\d-\d\d/, 'an ISO date or time in the case file');
    assert.doesNotMatch(text, /\d:\d\d:\d\d/, 'a time with seconds in the case file');
    assert.doesNotMatch(text, /\b(intake|consent|needs|eligibility|task|timer|case|plan|escalation|conference)\.[a-z_]+/, 'an event type in the case file');
    assert.doesNotMatch(text, /\b(written|given|working days?|user:|actor:|kind:)/, 'a raw value in the case file');
    await screenshot(page, 'case-manager-case-file-words');
  });

  it('starts a referral ("Nový podnět") from the intake workflow\'s form', async () => {
    const { form } = await api.case_manager.get('/workflows/intake/referral');
    await page.click('#nav a[href="#/referral"]');
    const step = page.locator('form.step-form');
    await step.waitFor();
    await page.getByLabel('Kód klienta').fill('K-UI-0003');
    // A required "one of" drawn as a select is marked required like every other field.
    const source = step.locator('[data-path="referral.source"]');
    assert.equal(await source.locator('select[required]').count(), 1);
    assert.equal(await source.locator('label .required').count(), 1, 'the required select has no * marker');
    await fillForm(step, form, {}, 'referral.');
    await screenshot(page, 'case-manager-referral');
    await step.locator('button[type=submit]').click();
    await expectStatus(page, /K-UI-0003/);
  });

  it('asks the coordinator for help', async () => {
    const step = await stepOf(api.case_manager, idOf(cases.plan), 'escalation.raised');
    await page.goto(`${server.url}#/cases/${idOf(cases.plan)}`);
    await page.locator('[data-step="event:escalation.raised"]').click();
    const form = page.locator('.step-panel form');
    await fillForm(form, step.form, { note: 'Potřebujeme dluhovou poradnu.' });
    await screenshot(page, 'case-manager-ask-help');
    await form.locator('button[type=submit]').click();
    await expectStatus(page, new RegExp(`Krok „${step.title}“ byl zaznamenán`));
  });

  it('shows a closed case as closed, with no steps to take', async () => {
    const file = await api.case_manager.get(`/cases/${idOf(cases.closed)}`);
    assert.ok(file.closed, 'K-UI-0005 did not close');
    await page.goto(`${server.url}#/cases`);
    await page.locator('tr', { hasText: 'K-UI-0005' }).locator('td', { hasText: /^Ukončeno dne \d+\. \d+\. \d{4}$/ }).waitFor();
    await page.goto(`${server.url}#/cases/${idOf(cases.closed)}`);
    await page.locator('.pill.closed', { hasText: /^Ukončeno dne \d+\. \d+\. \d{4}$/ }).waitFor();
    await page.locator('h2', { hasText: 'Časová osa' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('main').textContent.includes('Načítám'));
    assert.equal(await page.locator('h2', { hasText: 'Co mohu udělat' }).count(), 0);
    assert.equal(await page.locator('main button').count(), 0, 'a closed case offers the case manager a step');
    await screenshot(page, 'case-manager-closed-case');
  });

  it('keeps what was typed in a step form across an expired session', async () => {
    const here = `${server.url}#/cases/${idOf(cases.plan)}`;
    await page.goto(here);
    await page.locator('[data-step="event:emergency.recorded"]').click();
    const form = page.locator('.step-panel form');
    const reason = form.locator('[data-path="reason"] textarea');
    await reason.fill('Klient nemá doma topení ani jídlo.');
    // the override names whom it is shared with, and why (rules/information_sharing.lua)
    const actors = form.locator('[data-path="actors"]');
    if (await actors.locator('fieldset.row').count() < 1) await actors.getByRole('button', { name: 'Přidat řádek' }).click();
    await form.locator('[data-path="actors.1.actor"] select').selectOption({ index: 1 });
    await form.locator('[data-path="purposes"] input[value="coordination"]').check();
    await page.context().clearCookies();
    await form.locator('button[type=submit]').click();
    await page.locator('#login').waitFor();
    assert.match(await alertText(page).textContent(), /Přihlášení vypršelo/);
    await page.fill('#login', server.logins.case_manager);
    await page.fill('#password', demoPassword);
    await page.click('form button[type=submit]');
    await page.locator('h1', { hasText: 'K-UI-0001' }).waitFor();
    assert.equal(await reason.inputValue(), 'Klient nemá doma topení ani jídlo.');
    await form.locator('.draft-note').waitFor();
    await screenshot(page, 'case-manager-draft-restored');
    await form.getByRole('button', { name: 'Zrušit' }).click();
    await page.locator('[data-step="event:emergency.recorded"]').click();
    assert.equal(await reason.inputValue(), '', 'the draft outlived "Zrušit"');
    await form.getByRole('button', { name: 'Zrušit' }).click();
  });

  it('reads the inbox', async () => {
    await page.click('.inbox-link');
    await page.locator('h1', { hasText: 'Zprávy' }).waitFor();
    await screenshot(page, 'case-manager-inbox');
  });

  it('switches to English and back', async () => {
    await page.goto(`${server.url}#/tasks`);
    await page.click('#lang');
    await page.locator('h1', { hasText: 'My tasks' }).waitFor();
    await page.click('#lang');
    await page.locator('h1', { hasText: 'Moje úkoly' }).waitFor();
  });

  it('signs out, and a screen asked for afterwards shows the sign-in', async () => {
    await page.click('#sign-out');
    await expectStatus(page, /odhlášeni/);
    await page.goto(`${server.url}#/tasks`);
    await page.locator('#login').waitFor();
    assert.equal(await page.locator('#user-name').count(), 0);
  });

  it('works on a tablet', async () => {
    const tablet = await signedInPage('case_manager', { width: 820, height: 1180 });
    await tablet.locator('h1', { hasText: 'Moje úkoly' }).waitFor();
    const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a tablet`);
    await screenshot(tablet, 'case-manager-tasks-tablet');
    await tablet.close();
  });
});

describe('head', () => {
  let page;
  let task;
  before(async () => { page = await signedInPage('head'); });
  after(async () => { await page?.close(); });

  it('finds "Přidělit sociálního pracovníka" of a new referral in "Moje úkoly"', async () => {
    await page.click('#nav a[href="#/tasks"]');
    task = page.locator('li.task', { hasText: 'K-UI-0010' });
    await task.locator('.title', { hasText: 'Přidělit sociálního pracovníka' }).waitFor();
    await screenshot(page, 'head-tasks');
  });

  // Opens the task's form afresh (its step fetched again): the case's step "intake.assigned",
  // which does the task and names the social worker.
  const openAssignment = async () => {
    const handle = task.getByRole('button', { name: /Vyřídit úkol/ });
    if (await handle.getAttribute('aria-expanded') === 'true') await handle.click();
    await handle.click();
    await task.locator('form.step-form h3', { hasText: 'Přidělit sociálního pracovníka' }).waitFor();
  };

  it('sees a missing worker beside its field, from the UI and from the server', async () => {
    await openAssignment();
    const form = task.locator('form.step-form');
    const worker = form.locator('[data-path="social_worker"]');
    await form.locator('button[type=submit]').click();
    await worker.locator('.field-error', { hasText: /povinné/ }).waitFor();
    assert.equal(await worker.locator('select').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.closest('[data-path]')?.dataset.path), 'social_worker');
    await form.getByRole('button', { name: 'Zrušit' }).click();

    // The same form as if the field were optional: the UI lets it go, the server refuses it.
    await page.route('**/api/v1/cases/*/actions', async (route) => {
      const body = await (await route.fetch()).json();
      for (const field of body.actions.flatMap((a) => a.form?.fields ?? [])) field.required = false;
      await route.fulfill({ json: body });
    });
    await openAssignment();
    await form.locator('button[type=submit]').click();
    const error = worker.locator('.field-error');
    await error.filter({ hasText: /\S/ }).waitFor();
    assert.match(await form.locator('.form-summary').textContent(), /Formulář obsahuje chyby/);
    assert.equal(await worker.locator('select').getAttribute('aria-describedby'), await error.getAttribute('id'));
    await screenshot(page, 'head-assign-error');
    await page.unroute('**/api/v1/cases/*/actions');
    await form.getByRole('button', { name: 'Zrušit' }).click();
  });

  it('assigns a social worker through the form', async () => {
    await openAssignment();
    const form = task.locator('form.step-form');
    await form.getByLabel('Sociální pracovník').selectOption({ label: 'Bc. Lenka Dvořáková' });
    await screenshot(page, 'head-assign');
    await form.locator('button[type=submit]').click();
    await expectStatus(page, /Krok „Přidělit sociálního pracovníka“ byl zaznamenán/);
    await page.locator('li.task', { hasText: 'K-UI-0010' }).waitFor({ state: 'detached' });
    const file = await api.head.get(`/cases/${idOf(cases.assign)}`);
    assert.equal(file.people.social_worker, person('social_worker'));
  });

  it('sees who opened a case file ("Kdo spis otevřel"): names, times to the minute', async () => {
    const { users } = await api.head.get('/users');
    const manager = users.find((u) => u.login === server.logins.case_manager);
    await page.goto(`${server.url}#/cases/${idOf(cases.plan)}`);
    const reads = page.locator('section', { has: page.locator('h2', { hasText: 'Kdo spis otevřel' }) });
    await reads.locator('td', { hasText: manager.name }).first().waitFor();
    const rows = await reads.locator('tbody tr').allTextContents();
    assert.ok(rows.some((r) => r.includes('spis a jeho historie')), rows.join('\n'));
    for (const when of await reads.locator('tbody td:nth-child(2)').allTextContents()) {
      assert.match(when, /^\S+ \d{1,2}\. \d{1,2}\. \d{4} \d{1,2}:\d\d$/);
    }
    await reads.scrollIntoViewIfNeeded();
    await screenshot(page, 'head-case-reads');
  });
});

describe('coordinator', () => {
  let page;
  before(async () => { page = await signedInPage('coordinator'); });
  after(async () => { await page?.close(); });

  it('signs in to the escalation dashboard', async () => {
    await page.locator('h1', { hasText: 'Eskalace' }).waitFor();
    assert.match(await page.locator('.who-am-i').textContent(), /koordinátor/);
    await screenshot(page, 'coordinator-escalations');
  });

  it('acknowledges an escalation', async () => {
    const row = page.locator('[data-group="new"] tr', { hasText: 'K-UI-0001' });
    await row.waitFor();
    await row.getByRole('button', { name: /Převzít/ }).click();
    await expectStatus(page, /K-UI-0001 převzata/);
    await page.locator('[data-group="acknowledged"] tr', { hasText: 'K-UI-0001' }).waitFor();
    await screenshot(page, 'coordinator-escalation-acknowledged');
  });

  it('resolves the escalation through its form: an actor to involve', async () => {
    const step = await stepOf(api.coordinator, idOf(cases.plan), 'escalation.resolved');
    const row = page.locator('[data-group="acknowledged"] tr', { hasText: 'K-UI-0001' });
    await row.getByRole('button', { name: /Vyřešit/ }).click();
    const form = page.locator('tr.resolution form.step-form');
    await fillForm(form, step.form, { resolution: 'add_actor' });
    await form.locator('[data-path="actor"] select').selectOption({ index: 1 });
    await screenshot(page, 'coordinator-escalation-resolve');
    await form.locator('button[type=submit]').click();
    await expectStatus(page, /K-UI-0001 vyřešena/);
    const file = await api.coordinator.get(`/cases/${idOf(cases.plan)}`);
    assert.equal(file.data.escalation.resolution, 'add_actor');
    assert.equal(file.data.actors.length, 1);
  });

  it('confirms eligibility from "Moje úkoly"', async () => {
    const action = await stepOf(api.coordinator, idOf(cases.confirm), 'eligibility.confirmed');
    await page.click('#nav a[href="#/tasks"]');
    const task = page.locator('li.task', { hasText: 'K-UI-0011' });
    await task.getByRole('button', { name: /Vyřídit úkol/ }).click();
    const form = task.locator('form.step-form');
    await form.locator('h3', { hasText: action.title }).waitFor();

    // Eligible, but no case manager named: the workflow takes no such confirmation, and says so
    // in Czech, offering a reload.
    await form.locator('button[type=submit]').click();
    const summary = form.locator('.form-summary');
    await summary.filter({ hasText: /\S/ }).waitFor();
    assert.match(await summary.textContent(), /nelze udělat/);
    assert.doesNotMatch(await summary.textContent(), /\b(eligibility|intake)\.[a-z]|conflict|accepts/);
    await summary.getByRole('button', { name: 'Načíst úkoly znovu' }).waitFor();
    await screenshot(page, 'coordinator-confirm-refused');

    await fillForm(form, action.form, { case_manager: person('case_manager') });
    await screenshot(page, 'coordinator-confirm-eligibility');
    await form.locator('button[type=submit]').click();
    await expectStatus(page, new RegExp(`Krok „${action.title}“ byl zaznamenán`));
    const file = await api.coordinator.get(`/cases/${idOf(cases.confirm)}`);
    assert.ok(file.history.some((e) => e.type === action.type), `no ${action.type} in the case's history`);
  });

  it('convenes a case conference: actors from the directory, date, place; invitations go out', async () => {
    const step = await stepOf(api.coordinator, idOf(cases.conference), 'conference.scheduled');
    await page.goto(`${server.url}#/cases/${idOf(cases.conference)}/conference`);
    await page.locator('h1', { hasText: 'Svolat případové setkání' }).waitFor();
    const form = page.locator('form.step-form');
    const actors = form.locator('[data-path="actors"]');
    await actors.getByRole('button', { name: 'Přidat řádek' }).click();
    const options = await form.locator('[data-path="actors.1.actor"] option').allTextContents();
    await form.locator('[data-path="actors.1.actor"] select').selectOption({ index: 1 });
    await form.locator('[data-path="actors.2.actor"] select').selectOption({ index: 2 });
    assert.ok(options.length > 2, `the directory offers fewer than two actors: ${options}`);
    await fillForm(form, step.form, { place: 'Městský úřad, zasedací místnost 2' });
    await screenshot(page, 'coordinator-conference');
    await form.locator('button[type=submit]').click();
    await expectStatus(page, /Pozvánky odeslány/);
    await page.locator('h2', { hasText: 'Odpovědi' }).waitFor();
    assert.equal(await page.locator('main table').first().locator('tbody tr').count(), 2);
    await screenshot(page, 'coordinator-conference-invited');
  });

  it('lists incidents', async () => {
    await page.click('#nav a[href="#/incidents"]');
    await page.locator('h1', { hasText: 'Incidenty' }).waitFor();
    assert.equal(await alertText(page).textContent(), '');
    await screenshot(page, 'coordinator-incidents');
  });
});

describe('methodologist', () => {
  let page;
  before(async () => { page = await signedInPage('methodologist'); });
  after(async () => { await page?.close(); });

  it('signs in to the definitions', async () => {
    await page.locator('h1', { hasText: 'Definice postupů' }).waitFor();
    await page.locator('main a', { hasText: 'plan_review' }).waitFor();
    await screenshot(page, 'methodologist-definitions');
  });

  let source;
  let active;

  it('opens the editor with the active source, validated', async () => {
    active = listOf(await api.methodologist.get('/definitions'), 'definitions').find((d) => d.name === 'plan_review');
    await page.click('main a:has-text("plan_review")');
    await page.locator('#valid').waitFor();
    source = await page.inputValue('#source');
    assert.match(source, /workflow/);
    await screenshot(page, 'methodologist-editor');
  });

  it('shows an error at its line as one types, and clears it once fixed', async () => {
    const lines = source.split('\n');
    const broken = lines.findIndex((l) => l.includes('go = "escalated"'));
    assert.ok(broken >= 0, 'plan_review has no transition to "escalated"');
    lines[broken] = lines[broken].replace('"escalated"', '"escalatd"');
    await page.fill('#source', lines.join('\n'));
    const diagnostic = page.locator(`#diagnostics li[data-line="${broken + 1}"]`);
    await diagnostic.waitFor();
    assert.match(await diagnostic.textContent(), /escalatd/);
    assert.equal(await page.locator(`.gutter span[data-line="${broken + 1}"]`).getAttribute('class'), 'err');
    await screenshot(page, 'methodologist-editor-error');

    const fixed = source.replace(/review_every = "[^"]*"/, 'review_every = "40 working days"');
    assert.notEqual(fixed, source, 'plan_review has no review_every parameter');
    await page.fill('#source', fixed);
    await page.locator('#valid').waitFor();
    assert.equal(await page.locator('.gutter span.err').count(), 0);
  });

  it('saves the change as a draft', async () => {
    await page.click('#save-draft');
    await expectStatus(page, /Koncept uložen|uložena/);
    const now = listOf(await api.methodologist.get('/definitions'), 'definitions').find((d) => d.name === 'plan_review');
    const drafts = (now.versions ?? []).filter((v) => v.status === 'draft');
    assert.ok(drafts.length === 1 && now.version === active.version,
      `expected one draft beside the unchanged active version, got ${JSON.stringify(now)}`);
  });

  it('runs a scenario on the draft and shows its timeline', async () => {
    await page.fill('#scenario', [
      `scenario { name = "Koncept", tenant = "demo", start = "2026-04-02T10:00:00+02:00", definitions = { "${active.file ?? 'workflows/plan_review.lua'}" } }`,
      'case { code = "K-SIM-0001", workflow = "plan_review" }',
      'expect { state = "waiting" }',
      'send { "case.closed" }',
      'expect { state = "done" }',
    ].join('\n'));
    await page.click('#run-scenario');
    await page.locator('#scenario-result :is(#scenario-verdict, .alert-inline)').waitFor();
    assert.equal(await page.locator('#scenario-result .alert-inline').count(), 0,
      await page.locator('#scenario-result').textContent());
    assert.equal(await page.locator('#scenario-verdict').textContent(), 'Scénář prošel.');
    await screenshot(page, 'methodologist-scenario');
  });

  it('shows the diff against the active version', async () => {
    await page.click('#show-diff');
    await page.locator('#diff :is(pre, p)').waitFor();
    assert.equal(await page.locator('#diff .alert-inline').count(), 0, await page.locator('#diff').textContent());
    await page.locator('#diff .add', { hasText: '40 working days' }).waitFor();
    await page.locator('#diff .del', { hasText: 'review_every' }).waitFor();
    await screenshot(page, 'methodologist-diff');
  });

  it('activates the draft', async () => {
    assert.equal(await page.locator('#activate').count(), 1, 'no draft to activate: the server saved none');
    page.once('dialog', (dialog) => dialog.accept());
    await page.click('#activate');
    await expectStatus(page, /je aktivní/);
    const now = listOf(await api.methodologist.get('/definitions'), 'definitions').find((d) => d.name === 'plan_review');
    assert.notEqual(now.version, active.version, 'the active version did not change');
    await screenshot(page, 'methodologist-activated');
  });

  it('draws the state diagram from the server, with instance counts', async () => {
    await page.goto(`${server.url}#/definitions/plan_review`);
    await page.locator('#diagram :is(svg, p)').waitFor();
    assert.equal(await page.locator('#diagram svg').count(), 1, await page.locator('#diagram').textContent());
    assert.match(await page.locator('#diagram svg').textContent(), /waiting|Čeká/);
    await screenshot(page, 'methodologist-diagram');
  });
});

describe('admin', () => {
  let page;
  before(async () => { page = await signedInPage('admin'); });
  after(async () => { await page?.close(); });

  it('issues a token for the integration account, shown once, and lists it with its expiry', async () => {
    await page.goto(`${server.url}#/tokens`);
    await page.locator('h1', { hasText: 'Tokeny integrací' }).waitFor();
    // The accounts arrive after the heading: wait for the first one before reading the list.
    await page.locator('#token-login option').first().waitFor({ state: 'attached' });
    assert.deepEqual(await page.locator('#token-login option').allTextContents(), ['Import z evidence'],
      'only integration accounts are offered');
    await page.fill('#token-name', 'Import z evidence – test');
    await page.fill('#token-days', '30');
    await page.click('#token-form button[type=submit]');
    const secret = await page.locator('#token-secret').textContent();
    assert.match(secret, /^[0-9a-f]{64}$/);
    const row = page.locator('#token-list tr', { hasText: 'Import z evidence – test' });
    await row.waitFor();
    // The expiry as a Czech date in Prague, 30 days on.
    const spaced = (text) => text.replace(/\s+/g, ' ');
    const czechDate = new Intl.DateTimeFormat('cs-CZ', { timeZone: 'Europe/Prague', day: 'numeric', month: 'numeric', year: 'numeric' })
      .format(new Date(Date.now() + 30 * 86400000));
    const text = spaced(await row.textContent());
    assert.ok(text.includes(spaced(czechDate)), `expected expiry ${czechDate} in: ${text}`);
    assert.match(text, /Ing\. Pavel Správce.*zatím nepoužit.*platný/);
    assert.equal((await page.content()).includes(secret), true, 'shown once, right after issuing');
    await screenshot(page, 'admin-token-issued');

    const me = await fetch(new URL('api/v1/me', server.url), { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(me.status, 200);
    page.once('dialog', (dialog) => dialog.accept());
    await row.locator('button', { hasText: 'Zrušit' }).click();
    await expectStatus(page, /byl zrušen/);
    await page.locator('#token-list tr', { hasText: 'zrušen' }).waitFor();
    assert.equal((await page.content()).includes(secret), false, 'the revoked token is no longer shown');
    const revoked = await fetch(new URL('api/v1/me', server.url), { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(revoked.status, 401);
    await screenshot(page, 'admin-token-revoked');
  });
});

// Four eyes: the information rules changed by the methodologist wait for the head, who sees the
// diff and approves; another change the head refuses with a reason the methodologist then reads.
describe('four eyes on the information rules', () => {
  let methodologist;
  let head;
  before(async () => {
    methodologist = await signedInPage('methodologist');
    head = await signedInPage('head');
  });
  after(async () => {
    await methodologist?.close();
    await head?.close();
  });

  const rules = async () => listOf(await api.methodologist.get('/definitions'), 'definitions').find((d) => d.name === 'information_sharing');
  let active;

  it('the methodologist\'s activation waits for the head', async () => {
    active = await rules();
    await methodologist.goto(`${server.url}#/definitions/information_sharing`);
    await methodologist.locator('#valid').waitFor();
    const source = await methodologist.inputValue('#source');
    const changed = source.replace('title = "Sdílení informací s externími aktéry"', 'title = "Sdílení informací s aktéry"');
    assert.notEqual(changed, source, 'the information rules have no such title');
    await methodologist.fill('#source', changed);
    await methodologist.locator('#valid').waitFor();
    await methodologist.click('#save-draft');
    await expectStatus(methodologist, /Koncept uložen|uložena/);
    methodologist.once('dialog', (dialog) => dialog.accept());
    await methodologist.click('#activate');
    await expectStatus(methodologist, /čeká na schválení \(vedoucí odboru\)/);
    const now = await rules();
    assert.equal(now.version, active.version, 'the rules became active without the head');
    await methodologist.locator('.pill.pending', { hasText: 'ke schválení' }).first().waitFor();
    await screenshot(methodologist, 'four-eyes-pending');
  });

  it('the head sees the request with its diff and approves it', async () => {
    await head.click('#nav a:has-text("Ke schválení")');
    await head.locator('main a', { hasText: 'information_sharing' }).waitFor();
    await screenshot(head, 'four-eyes-requests');
    await head.click('main a:has-text("information_sharing")');
    await head.locator('#request-diff .add', { hasText: 'Sdílení informací s aktéry' }).waitFor();
    await head.locator('#request-diff .del', { hasText: 'externími' }).waitFor();
    await screenshot(head, 'four-eyes-request');
    await head.click('#approve');
    await expectStatus(head, /schválena a aktivní/);
    assert.notEqual((await rules()).version, active.version, 'the approved version is not active');
  });

  it('the head refuses another change with a reason, which the methodologist reads', async () => {
    const { source } = await api.methodologist.get('/definitions/information_sharing');
    const saved = await api.methodologist.post('/definitions', {
      file: 'information_sharing.lua', source: source.replace('Sdílení informací s aktéry', 'Sdílení vždy'),
    });
    const asked = await api.methodologist.post(`/definitions/information_sharing/versions/${saved.version}/activate`, {});
    assert.equal(asked.status, 'pending_approval');
    await head.goto(`${server.url}#/approvals/${asked.request.id}`);
    await head.locator('#request-diff').waitFor();
    await head.click('#refuse');
    await head.locator('#alert', { hasText: 'Napište, proč' }).waitFor();
    await head.fill('#refusal-reason', 'Název musí říkat, s kým se sdílí.');
    await head.click('#refuse');
    // The first refusal's error stays shown until the list replaces the request.
    await head.waitForFunction(() => document.getElementById('alert').textContent === '');
    await expectStatus(head, /zamítnuta/);
    await methodologist.goto(`${server.url}#/definitions`);
    await methodologist.locator('.refusal', { hasText: 'Název musí říkat, s kým se sdílí.' }).waitFor();
    await screenshot(methodologist, 'four-eyes-refused');
  });
});
