// What a person does in Camunda Tasklist 7.24, as steps that wait for what the screen shows.
import assert from 'node:assert/strict';

export const TASKLIST = '/camunda/app/tasklist/';

/** A field of a Camunda Form by its component id; form-js prefixes ids with a per-form id. */
export function field(scope, id) {
  return scope.locator(`[id$="-${id}"]`);
}

/** True on Recordflow's own login page (not Tasklist's built-in login view at #/login). */
export function isLoginPage(url) {
  return new URL(url).pathname === '/login';
}

/** Signs in on Recordflow's login page, which any unauthenticated visit to Tasklist leads to. */
export async function signIn(page, baseUrl, user, fullName, beforeSubmit = async () => {}) {
  await page.goto(baseUrl + TASKLIST);
  await page.waitForURL(isLoginPage);
  await page.locator('input[name=username]').fill(user);
  await page.locator('input[name=password]').fill('demo');
  await beforeSubmit();
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/camunda\/app\/tasklist\//, { waitUntil: 'commit' });
  await page.locator('li.account .dropdown-toggle', { hasText: fullName }).waitFor();
  await page.locator('.task-filter').first().waitFor();
}

/**
 * Tasklist's own "Log out" (user menu): it posts to /camunda/api/admin/auth/user/default/logout,
 * which Spring Security handles as its logout (302 to /login?logout); Tasklist then switches to its
 * built-in login view, which Recordflow's custom script (webjars/camunda/app/recordflow) leaves
 * for Recordflow's sign-in page.
 */
export async function logOutInTasklist(page) {
  await page.locator('li.account .dropdown-toggle').click();
  const logout = page.waitForResponse((r) => r.url().includes('/camunda/api/admin/auth/user/default/logout'));
  await page.locator('li.logout a').click();
  assert.equal((await logout).status(), 302, "Spring Security's logout answers Tasklist's logout");
  await page.waitForURL(isLoginPage);
  await page.locator('input[name=username]').waitFor();
}

export async function openFilter(page, name) {
  const filter = page.locator('.task-filter', { hasText: name });
  await filter.click();
  await page.locator('.task-filter.active', { hasText: name }).waitFor();
}

/** The task cards of the open filter whose text has all the given parts (task name, case, holder). */
export function taskCards(page, ...texts) {
  let cards = page.locator('.tasks-list li.task');
  for (const text of texts) {
    cards = cards.filter({ hasText: text });
  }
  return cards;
}

/** Opens a task from the list and waits until its Camunda Form is shown. */
export async function openTask(page, taskName, ...texts) {
  const card = taskCards(page, taskName, ...texts).first();
  await card.locator('h4.task a').click();
  const taskCard = page.locator('section.task-card');
  await taskCard.locator('h2.task', { hasText: taskName }).waitFor();
  await taskCard.locator('.fjs-form').waitFor();
  return taskCard;
}

export async function claim(page, taskCard) {
  const claimed = page.waitForResponse((r) => /\/task\/[^/]+\/claim$/.test(new URL(r.url()).pathname));
  await taskCard.locator('button.claim').click();
  assert.equal((await claimed).status(), 204, 'claiming the task');
  await taskCard.locator('button.claim').waitFor({ state: 'detached' });
}

/** Clicks Tasklist's Complete button and waits until the engine accepted the form. */
export async function complete(page, taskCard) {
  const completeButton = taskCard.locator('.form-actions button.btn-primary', { hasText: 'Complete' });
  await assertEnabled(completeButton, 'Complete');
  const submitted = page.waitForResponse((r) => r.url().includes('/submit-form') && r.request().method() === 'POST');
  await completeButton.click();
  const response = await submitted;
  assert.equal(response.status(), 204, `completing the task: ${await response.text()}`);
}

async function assertEnabled(button, name) {
  await button.waitFor();
  // Tasklist re-evaluates the button after Angular's digest: wait for it rather than read it once
  await button.page().waitForFunction((el) => !el.disabled, await button.elementHandle(), { timeout: 10_000 })
    .catch(() => assert.fail(`Tasklist's ${name} button stayed disabled`));
}

export async function fillDate(scope, id, date) {
  const input = field(scope, `${id}-date`);
  await input.fill(usDate(date));
  await input.blur();
  // the datepicker shows what it understood as m/d/yyyy
  assert.equal(await input.inputValue(), usDate(date).replace(/(^|\/)0/g, '$1'), `the date in ${id}`);
}

/** form-js selects are lists that open on click, not <select> elements. */
export async function choose(scope, id, label) {
  const exactly = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*$`);
  await field(scope, `${id}-display`).click();
  await scope.page().locator('.fjs-dropdownlist-item', { hasText: exactly }).click();
  await field(scope, `${id}-display`).filter({ hasText: exactly }).waitFor();
}

export async function chooseRadio(scope, id, label) {
  await scope.locator(`.fjs-form-field-radio:has([id*="-${id}-"]) label`, { hasText: label }).locator('input').check();
}

/** mm/dd/yyyy, as form-js' datepicker takes typed dates. */
export function usDate(date) {
  const [y, m, d] = isoDate(date).split('-');
  return `${m}/${d}/${y}`;
}

export function isoDate(date) {
  return typeof date === 'string' ? date : date.toISOString().slice(0, 10);
}

export function daysFromToday(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date;
}
