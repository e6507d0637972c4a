// The municipality's admin manages people in the browser: adds a case manager on #/users and sees
// the temporary password once; the new user signs in with it, is made to change it before
// anything else (a weak password refused in Czech under its field), then lands on their work and
// finds their own account screen; the admin deactivates them and their open page is signed out.
// Screenshots go to build/browser-artifacts/users-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { demoPassword, repoRoot, startSouhra } from './souhra_server.js';

const artifacts = join(repoRoot, 'build', 'browser-artifacts');
const timeout = 10000;
let server;
let browser;

async function newPage(who) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'cs-CZ', timezoneId: 'Europe/Prague' });
  page.setDefaultTimeout(timeout);
  page.on('pageerror', (error) => console.error(`[${who}] page error: ${error.message}`));
  return page;
}

async function signIn(page, login, password) {
  await page.goto(server.url);
  await page.fill('#login', login);
  await page.fill('#password', password);
  await page.click('form button[type=submit]');
  await page.locator('#user-name').waitFor();
}

const screenshot = (page, name) => page.screenshot({ path: join(artifacts, `users-${name}.png`), fullPage: true });

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await startSouhra();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--lang=cs-CZ'] });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('people and roles', () => {
  let admin;
  let horak;
  let temporary;
  before(async () => {
    admin = await newPage('admin');
    await signIn(admin, server.logins.admin, demoPassword);
  });
  after(async () => {
    await admin?.close();
    await horak?.close();
  });

  it('the admin adds a case manager and sees the temporary password once', async () => {
    await admin.click('#nav a:has-text("Uživatelé")');
    await admin.locator('h1', { hasText: 'Uživatelé obce' }).waitFor();
    await admin.locator('#user-list tr', { hasText: 'Ing. Pavel Správce' }).waitFor();
    await admin.fill('#user-login', 'Horák');
    await admin.fill('#user-name-input', 'Mgr. Jiří Horák');
    await admin.fill('#user-email', 'horak@example.cz');
    await admin.check('#role-case_manager');
    await admin.click('#user-form button[type=submit]');
    await admin.locator('#user-login-error', { hasText: 'Přihlašovací jméno má 2 až 40 znaků' }).waitFor();
    await admin.fill('#user-login', 'horak');
    await admin.click('#user-form button[type=submit]');
    temporary = await admin.locator('#temporary-password').textContent();
    assert.match(temporary, /^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    const row = admin.locator('#user-list tr', { hasText: 'Mgr. Jiří Horák' });
    await row.waitFor();
    assert.match(await row.textContent(), /horak.*case manager.*čeká na změnu hesla/);
    await screenshot(admin, 'added');
    await admin.reload();
    await admin.locator('#user-list tr', { hasText: 'Mgr. Jiří Horák' }).waitFor();
    assert.equal((await admin.content()).includes(temporary), false, 'the password is shown only once');
  });

  it('the new user must change the password first, then lands on their work', async () => {
    horak = await newPage('horak');
    await signIn(horak, 'horak', temporary);
    await horak.locator('h1', { hasText: 'Změňte si heslo' }).waitFor();
    assert.equal(await horak.locator('#nav a').count(), 0, 'nothing else is offered');
    await horak.goto(`${server.url}#/tasks`);
    await horak.locator('h1', { hasText: 'Změňte si heslo' }).waitFor();
    await horak.fill('#current-password', temporary);
    await horak.fill('#new-password', 'password1234');
    await horak.fill('#new-password-again', 'password1234');
    await horak.click('#password-form button[type=submit]');
    await horak.locator('#new-password-error', { hasText: 'Toto heslo patří mezi nejčastěji používaná' }).waitFor();
    await screenshot(horak, 'forced-change-refused');
    await horak.fill('#new-password', 'modrá konvice na čaj');
    await horak.fill('#new-password-again', 'modrá konvice na čaj');
    await horak.click('#password-form button[type=submit]');
    await horak.locator('h1', { hasText: 'Moje úkoly' }).waitFor();
    // The message comes with the screen it leads to, a moment after its heading.
    await horak.locator('#status', { hasText: 'Heslo bylo změněno' }).waitFor();
    await screenshot(horak, 'after-change');
    await horak.click('#my-account');
    await horak.locator('h1', { hasText: 'Můj účet' }).waitFor();
    assert.equal(await horak.inputValue('#me-email'), 'horak@example.cz');
    await horak.check('#me-digest');
    await horak.click('#settings-form button[type=submit]');
    await horak.locator('#status', { hasText: 'Nastavení bylo uloženo.' }).waitFor();
    await screenshot(horak, 'own-account');
  });

  it('the admin deactivates the user, whose open page is signed out', async () => {
    await admin.reload();
    const row = admin.locator('#user-list tr', { hasText: 'Mgr. Jiří Horák' });
    await row.waitFor();
    admin.once('dialog', (dialog) => dialog.accept());
    await row.locator('button', { hasText: 'Deaktivovat' }).click();
    await admin.locator('#status', { hasText: 'byl deaktivován' }).waitFor();
    await admin.locator('#user-list tr', { hasText: 'neaktivní' }).waitFor();
    await screenshot(admin, 'deactivated');
    await horak.click('#nav a:has-text("Případy")');
    await horak.locator('#login').waitFor();
    await screenshot(horak, 'signed-out');
  });
});
