// The paralegal's day in Camunda Tasklist, in headless Chromium, against the built application:
// open a case from the intake start form, work every phase's task through its Camunda Form, and
// reach "demand ready". Steps run in order; after a failed step the rest are reported as not run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApp } from '../lib/app.mjs';
import { launchBrowser, screenshots } from '../lib/browser.mjs';
import { textPdf } from '../lib/pdf.mjs';
import {
  TASKLIST, choose, chooseRadio, claim, complete, daysFromToday, field, fillDate,
  isLoginPage, logOutInTasklist, openFilter, openTask, signIn, taskCards,
} from '../lib/tasklist.mjs';

const GROUP_TASKS = "My group's tasks";
const CLIENT = 'Jordan Avery';
const HOLDERS = [
  { name: 'Mercy General Hospital', type: 'Hospital / facility', holderType: 'HOSPITAL', channel: 'Fax', sentBy: 'Fax',
    contact: ['Field_holderFax', '916-555-0100'], recordTypes: ['MEDICAL_RECORDS', 'BILLS'] },
  { name: 'Valley Radiology Associates', type: 'Radiology', holderType: 'RADIOLOGY', channel: 'E-mail', sentBy: 'E-mail (sent by hand)',
    contact: ['Field_holderEmail', 'roi@valley-radiology.example'], recordTypes: ['MEDICAL_RECORDS', 'BILLS', 'IMAGES'] },
  { name: 'Mercy Physician Billing', type: 'Billing office', holderType: 'BILLING_OFFICE', channel: 'Mail', sentBy: 'Mail',
    contact: ['Field_holderAddress', 'PO Box 12, Sacramento, CA 95814'], recordTypes: ['BILLS'] },
];
const RECORD_TYPE_LABELS = { MEDICAL_RECORDS: 'Medical records', BILLS: 'Itemized bills', IMAGES: 'Images / films' };
/** Records and bills are separate requests: one per holder and record type asked for. */
const REQUESTS = HOLDERS.flatMap((holder) => holder.recordTypes.map((type) => ({ holder, records: RECORD_TYPE_LABELS[type] })));

/** Mercy General's records of the stay: one page for each category expected of a hospital. */
function hospitalStay() {
  const page = (title, ...lines) => ['Mercy General Hospital', title, `Patient: ${CLIENT}   DOB: 03/14/1980`,
    'Date of service: 06/01/2025', ...lines];
  return textPdf([
    page('EMERGENCY DEPARTMENT NOTE', 'Chief complaint: neck pain after motor vehicle collision.', 'Triage level 3.'),
    page('HISTORY AND PHYSICAL', 'Past medical history: none.', 'Review of systems: negative except neck pain.'),
    page('OPERATIVE REPORT', 'Pre-operative diagnosis: C5-C6 disc herniation.', 'Surgeon: A. Patel, MD. Anesthesia: general.'),
    page('RADIOLOGY REPORT', 'MRI of the cervical spine. Technique: sagittal and axial images.',
      'Findings: C5-C6 herniation. Impression: acute disc herniation.'),
    page('LABORATORY RESULTS', 'Specimen: blood. CBC within reference range.'),
    page('DISCHARGE SUMMARY', 'Hospital course: uneventful.', 'Discharge instructions: physical therapy twice a week.'),
  ]);
}

let app;
let browser;
let page;
let shot;
let failedStep = null;
const kase = {};

/** A step of the day: skipped, with the reason, once an earlier step has failed. */
function step(name, fn) {
  it(name, { timeout: 180_000 }, async (t) => {
    if (failedStep) {
      t.skip(`not run: the step "${failedStep}" failed`);
      return;
    }
    try {
      await fn(t);
    } catch (error) {
      failedStep = name;
      await shot(page, `FAILED-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => {});
      throw error;
    }
  });
}

async function apiJson(path) {
  const response = await page.request.get(app.baseUrl + path);
  assert.equal(response.status(), 200, `GET ${path}`);
  return response.json();
}

async function completeSimpleTask(taskName, fill, ...cardTexts) {
  await openFilter(page, GROUP_TASKS);
  const taskCard = await openTask(page, taskName, kase.reference, ...cardTexts);
  await taskCard.locator('.fjs-form', { hasText: `${kase.reference} · ${CLIENT}` }).waitFor();
  await claim(page, taskCard);
  await fill(taskCard);
  return taskCard;
}

/**
 * Waits until the engine holds `count` open tasks of this kind for the case (some are created by
 * asynchronous jobs after the page loaded), then reloads Tasklist, which does not refresh by itself.
 */
async function waitForTasks(taskDefinitionKey, count) {
  const query = `${app.baseUrl}/camunda/api/engine/engine/default/task/count`
    + `?processInstanceBusinessKey=${kase.reference}&taskDefinitionKey=${taskDefinitionKey}`;
  const deadline = Date.now() + 60_000;
  let seen;
  for (;;) {
    const response = await page.request.get(query);
    assert.equal(response.status(), 200, `GET ${query}`);
    seen = (await response.json()).count;
    if (seen === count || Date.now() > deadline) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // poll the engine, not a fixed wait
  }
  assert.equal(seen, count, `open ${taskDefinitionKey} tasks of ${kase.reference}`);
  await page.reload();
  await page.locator('.task-filter').first().waitFor();
}

/** Waits until the open filter no longer lists the task (Tasklist refreshes the list after completing). */
async function assertGone(taskName, ...texts) {
  await taskCards(page, taskName, kase.reference, ...texts).first().waitFor({ state: 'detached' });
}

describe("A paralegal's day in Tasklist", () => {
  before(async () => {
    shot = screenshots();
    app = await startApp();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    // generous: Tasklist's scripts are large, and the machine may be busy with a build
    context.setDefaultTimeout(45_000);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  step('Paula signs in on the login page and lands in Tasklist with the firm\'s filters', async () => {
    await signIn(page, app.baseUrl, 'paula', 'Paula Reyes', () => shot(page, 'login'));
    for (const filter of [GROUP_TASKS, 'My tasks', 'Overdue', 'Escalations']) {
      await page.locator('.task-filter', { hasText: filter }).waitFor();
    }
    await shot(page, 'tasklist-empty');
  });

  step('she opens a case from the intake start form with three record holders', async () => {
    await page.locator('a', { hasText: 'Start process' }).click();
    await page.locator('.modal-content a', { hasText: 'Medical records case' }).click();
    const form = page.locator('.modal-content');
    await form.locator('.fjs-form').waitFor();
    const openCase = form.locator('button.fjs-button', { hasText: 'Check and open case' });

    // an empty form is refused field by field, and nothing is started
    await openCase.click();
    await form.locator('.fjs-form-field-textfield:has([id$="-Field_clientName"]) .fjs-form-field-error',
      { hasText: 'Field is required' }).waitFor();
    await form.locator('.fjs-form-field-textfield:has([id$="-Field_holderName_0"]) .fjs-form-field-error').waitFor();

    await field(form, 'Field_clientName').fill(CLIENT);
    await fillDate(form, 'Field_clientDateOfBirth', '1980-03-14');
    await fillDate(form, 'Field_incidentDate', '2025-06-01');
    await choose(form, 'Field_caseType', 'Personal injury');
    await choose(form, 'Field_state', 'California');
    // left empty: the case goes to Paula's own team
    assert.equal(await field(form, 'Field_paralegalGroup').inputValue(), '');
    await field(form, 'Field_legalBasis-display').filter({ hasText: 'HIPAA authorization' }).waitFor();

    for (const [i, holder] of HOLDERS.entries()) {
      if (i > 0) {
        await form.locator('button.fjs-repeat-render-add').click();
      }
      await field(form, `Field_holderName_${i}`).fill(holder.name);
      await choose(form, `Field_holderType_${i}`, holder.type);
      await field(form, `Field_holderReleasedVia_${i}-display`).filter({ hasText: 'In-house HIM' }).waitFor();
      await choose(form, `Field_holderChannel_${i}`, holder.channel);
      await field(form, `${holder.contact[0]}_${i}`).fill(holder.contact[1]);
      for (const [index, value] of Object.keys(RECORD_TYPE_LABELS).entries()) {
        const box = field(form, `Field_holderRecordTypes_${i}-${index}`);
        await box.setChecked(holder.recordTypes.includes(value));
      }
    }
    await form.locator('.fjs-repeat-row-remove').nth(HOLDERS.length - 1).waitFor();
    await field(form, 'Field_clientName').scrollIntoViewIfNeeded();
    await shot(page, 'start-form');
    await openCase.scrollIntoViewIfNeeded();
    await shot(page, 'start-form-holders');

    // Tasklist 7.24 counts every field of a dynamiclist as an error: its Start button stays greyed.
    // The form's own submit button validates the whole form and starts the case (see README).
    const start = page.locator('.modal-footer button.btn-primary', { hasText: 'Start' });
    assert.equal(await start.isDisabled(), true,
      "Tasklist's Start button is enabled with an edited list: the form's hint about it is out of date");
    const submitted = page.waitForRequest((r) => r.url().includes('/submit-form') && r.method() === 'POST');
    const started = page.waitForResponse((r) => r.url().includes('/submit-form'));
    await openCase.click();
    const variables = (await submitted).postDataJSON().variables;
    const response = await started;
    assert.equal(response.status(), 200, `starting the case: ${await response.text()}`);
    await page.locator('.modal-content').waitFor({ state: 'detached' });

    assert.equal(variables.recordHolders.type, 'Json');
    const holders = JSON.parse(variables.recordHolders.value);
    assert.deepEqual(holders.map((h) => [h.name, h.holderType, h.releasedVia, h.recordTypes]),
      HOLDERS.map((h) => [h.name, h.holderType, 'IN_HOUSE_HIM', h.recordTypes]));
    assert.deepEqual(holders.map((h) => h.channel), ['FAX', 'EMAIL', 'MAIL']);
    assert.equal(holders[1].email, 'roi@valley-radiology.example');
    assert.deepEqual([variables.clientName.value, variables.clientDateOfBirth.value, variables.incidentDate.value,
      variables.caseType.value, variables.state.value, variables.legalBasis.value],
    [CLIENT, '1980-03-14', '2025-06-01', 'PERSONAL_INJURY', 'CA', 'AUTHORIZATION']);

    kase.reference = (await response.json()).businessKey;
    const cases = await apiJson('/api/cases');
    const opened = cases.find((c) => c.reference === kase.reference);
    assert.ok(opened, `case ${kase.reference} is listed by /api/cases`);
    kase.id = opened.id;
    assert.equal(opened.paralegalGroup, 'injuryteam');
    const detail = await apiJson(`/api/cases/${kase.id}`);
    assert.deepEqual(detail.recordHolders.map((h) => h.name), HOLDERS.map((h) => h.name));
  });

  step('she claims and completes "Confirm record holders"', async () => {
    const taskCard = await completeSimpleTask('Confirm record holders', async (card) => {
      await field(card, 'Field_holdersConfirmed').check();
      await field(card, 'Field_intakeNotes').fill('Checked against the client questionnaire.');
    });
    await shot(page, 'intake-task');
    await complete(page, taskCard);
    await assertGone('Confirm record holders');
  });

  step('she records the signed HIPAA authorization', async () => {
    const taskCard = await completeSimpleTask('Collect signed HIPAA authorization', async (card) => {
      await chooseRadio(card, 'Field_signerRole', 'The client');
      await field(card, 'Field_signerName').fill(CLIENT);
      await fillDate(card, 'Field_signedOn', daysFromToday(-1));
      await fillDate(card, 'Field_expiresOn', daysFromToday(365));
    });
    await shot(page, 'authorization-task');
    await complete(page, taskCard);
    await assertGone('Collect signed HIPAA authorization');
  });

  step(`"${GROUP_TASKS}" shows one "Send record request" per holder and record type`, async () => {
    // without a mail server (the demo has none) e-mail requests come back to be sent by hand
    await waitForTasks('Task_SendRecordRequest', REQUESTS.length);
    await openFilter(page, GROUP_TASKS);
    const cards = taskCards(page, 'Send record request', kase.reference);
    await cards.nth(REQUESTS.length - 1).waitFor();
    assert.equal(await cards.count(), REQUESTS.length);
    // each card folds away the record holder and record type: unfold them as the paralegal would
    for (let i = 0; i < REQUESTS.length; i += 1) {
      await cards.nth(i).locator('.shutter a').click();
      await cards.nth(i).locator('.task-card-details.expanded').waitFor();
    }
    // clicking a card's fold link scrolls its details sideways a little: put them back for the picture
    await page.locator('section.tasks-list').evaluate((list) => list.querySelectorAll('*').forEach((e) => { e.scrollLeft = 0; }));
    for (const request of REQUESTS) {
      const card = cards.filter({ hasText: request.holder.name }).filter({ hasText: request.records });
      assert.equal(await card.count(), 1, `one request for ${request.records} from ${request.holder.name}`);
      await card.locator('.variable-value', { hasText: request.holder.name }).waitFor({ state: 'visible' });
    }
    const requests = await apiJson(`/api/cases/${kase.id}/requests`);
    assert.equal(requests.length, REQUESTS.length, 'one record request per holder and record type');
    await shot(page, 'tasklist-filters');
  });

  step('she sends each request and records how and when', async () => {
    for (const [i, request] of REQUESTS.entries()) {
      const taskCard = await completeSimpleTask('Send record request', async (card) => {
        await choose(card, 'Field_sentBy', request.holder.sentBy);
        await fillDate(card, 'Field_sentOn', daysFromToday(0));
        await fillDate(card, 'Field_providerReceivedOn', daysFromToday(0));
      }, request.holder.name, request.records);
      await taskCard.locator('.fjs-form', { hasText: `${request.records} from ${request.holder.name}` }).waitFor();
      if (i === 0) {
        await shot(page, 'request-task');
      }
      await complete(page, taskCard);
      await assertGone('Send record request', request.holder.name, request.records);
    }
  });

  step("she uploads the hospital's packet from its request's task, and the request closes by itself", async () => {
    const request = REQUESTS[0];
    await waitForTasks('Task_RecordProviderResponse', REQUESTS.length);
    await openFilter(page, GROUP_TASKS);
    const taskCard = await openTask(page, "Record provider's response", kase.reference, request.holder.name, request.records);
    // Tasklist lays a cover over an unclaimed task's form: its links work once the task is claimed
    await claim(page, taskCard);
    await taskCard.locator('.fjs-form a', { hasText: 'upload the packet' }).click();
    await page.locator('h1', { hasText: `Received packet for ${request.holder.name}` }).waitFor();
    await page.locator('input[name=file]').setInputFiles({
      name: 'mercy-general-records.pdf', mimeType: 'application/pdf', buffer: hospitalStay(),
    });
    await page.locator('select[name=channel]').selectOption('FAX');
    await page.locator('button[type=submit]', { hasText: 'Upload and index' }).click();
    await page.locator('.outcome[role=status]',
      { hasText: /stored: 6 pages, Bates \S+-000001 to \S+-000006; verdict COMPLETE\. The record request was notified/ }).waitFor();
    await page.locator('h2', { hasText: 'Completeness: COMPLETE' }).waitFor();
    const packet = page.locator('table tbody tr', { hasText: 'mercy-general-records.pdf' });
    assert.deepEqual((await packet.locator('td').allInnerTexts()).slice(3, 7),
      ['FAX', 'mercy-general-records.pdf', '6', 'paula']);
    await shot(page, 'upload-page');

    // back to Tasklist (the upload was a form post: the browser's Back button returns to the empty form)
    await page.goto(app.baseUrl + TASKLIST);
    await page.locator('.task-filter').first().waitFor();
    await waitForTasks('Task_RecordProviderResponse', REQUESTS.length - 1);
    await openFilter(page, GROUP_TASKS);
    await taskCards(page, "Record provider's response", kase.reference).nth(REQUESTS.length - 2).waitFor();
    assert.equal(await taskCards(page, "Record provider's response", kase.reference, request.holder.name, request.records)
      .count(), 0, 'the request whose packet arrived no longer waits for a response');
  });

  step("she records the other providers' productions as complete", async () => {
    for (const request of REQUESTS.slice(1)) {
      const taskCard = await completeSimpleTask("Record provider's response", async (card) => {
        await choose(card, 'Field_responseType', 'Records received: complete');
        await choose(card, 'Field_responseChannel', request.holder.channel);
        await fillDate(card, 'Field_responseReceivedOn', daysFromToday(0));
      }, request.holder.name, request.records);
      await complete(page, taskCard);
      await assertGone("Record provider's response", request.holder.name, request.records);
    }
  });

  step('she passes the quality check of the indexed records', async () => {
    await waitForTasks('Task_CheckRecordQuality', 1); // after the binder job
    const taskCard = await completeSimpleTask('Quality-check indexed records', async (card) => {
      await card.locator('.fjs-form', { hasText: /indexed binder has \d+ pages and \d+ encounters/ }).waitFor();
      for (const box of ['Field_pagesLegible', 'Field_datesPresent', 'Field_patientMatches', 'Field_paginationComplete']) {
        await field(card, box).check();
      }
    });
    await shot(page, 'quality-check-task');
    await complete(page, taskCard);
    await assertGone('Quality-check indexed records');
  });

  step('she logs out with Tasklist\'s own "Log out": the session ends and she is back on the sign-in page', async () => {
    await logOutInTasklist(page);
    await shot(page, 'logged-out');
    const api = await page.request.get(`${app.baseUrl}/api/cases`, { maxRedirects: 0 });
    assert.equal(api.status(), 401, 'the API refuses the logged-out browser');
    await page.goto(app.baseUrl + TASKLIST);
    await page.waitForURL(isLoginPage);
  });

  step("Pat, a paralegal of the other team, cannot reach Paula's case, Cockpit or Admin", async () => {
    await signIn(page, app.baseUrl, 'pat', 'Pat Okafor');
    const cases = await apiJson('/api/cases');
    assert.ok(!cases.some((c) => c.reference === kase.reference), "Paula's case is not in Pat's case list");
    const casePage = await page.goto(`${app.baseUrl}/cases/${kase.id}`);
    assert.equal(casePage.status(), 403, "the case's page refuses a paralegal of another team");
    await page.locator('h1', { hasText: 'Not for you' }).waitFor();
    await shot(page, 'refused-case');
    const tasks = await page.request.get(
      `${app.baseUrl}/camunda/api/engine/engine/default/task?processInstanceBusinessKey=${kase.reference}`);
    assert.equal(tasks.status(), 200);
    assert.deepEqual(await tasks.json(), [], "none of the case's tasks reach Pat through Tasklist's API");
    const asAdmin = await page.request.get(
      `${app.baseUrl}/engine-rest/task?processInstanceBusinessKey=${kase.reference}`,
      { headers: { Authorization: `Basic ${Buffer.from('admin:demo').toString('base64')}` } });
    assert.ok((await asAdmin.json()).length > 0, 'the case has open tasks, which Pat does not see');
    for (const app_ of ['cockpit', 'admin']) {
      const refused = await page.goto(`${app.baseUrl}/camunda/app/${app_}/default/`);
      assert.equal(refused.status(), 403, `${app_} refuses a paralegal`);
    }
    await page.goto(app.baseUrl + TASKLIST);
    await page.locator('.task-filter').first().waitFor();
    await logOutInTasklist(page);
  });

  step('Riley, the clinical reviewer, signs in and reviews the chronology', async () => {
    await signIn(page, app.baseUrl, 'riley', 'Riley Chen');
    const taskCard = await completeSimpleTask('Review medical chronology', async (card) => {
      await field(card, 'Field_reviewSummary').fill('Consistent treatment from ED visit to discharge; gap in PT from week 6 to week 9.');
      await field(card, 'Field_flagsRaised').fill('1');
    });
    await shot(page, 'clinical-review-task');
    await complete(page, taskCard);
    await assertGone('Review medical chronology');
    await logOutInTasklist(page);
  });

  step('Paula prepares the demand package', async () => {
    await signIn(page, app.baseUrl, 'paula', 'Paula Reyes');
    const taskCard = await completeSimpleTask('Prepare demand package', async (card) => {
      await field(card, 'Field_specialsTotal').fill('48250.75');
      await field(card, 'Field_demandNotes').fill('Specials from all three holders; PT gap explained by the client.');
    });
    await complete(page, taskCard);
    await assertGone('Prepare demand package');
    await logOutInTasklist(page);
  });

  step('Alex, the attorney, approves it, and the case is demand-ready', async () => {
    await signIn(page, app.baseUrl, 'alex', 'Alex Morgan');
    const taskCard = await completeSimpleTask('Approve demand package', async (card) => {
      await card.locator('.fjs-form', { hasText: '48250.75' }).waitFor();
      await field(card, 'Field_demandApproved').check();
    });
    await shot(page, 'approve-demand-task');
    await complete(page, taskCard);
    await assertGone('Approve demand package');
    const detail = await apiJson(`/api/cases/${kase.id}`);
    assert.equal(detail.caseFile.phase, 'DEMAND_READY');
    await logOutInTasklist(page);
  });

  step('Sam, the supervisor, opens the oversight dashboard; Paula is refused it', async () => {
    await signIn(page, app.baseUrl, 'sam', 'Sam Whitfield');
    await page.goto(app.baseUrl + '/oversight');
    await page.locator('h2', { hasText: 'Record requests by status' }).waitFor();
    await page.locator('h2', { hasText: 'Providers: days to produce' }).waitFor();
    await shot(page, 'dashboard');
    const summary = await apiJson('/api/oversight/summary');
    assert.ok(summary, 'the oversight API answers the supervisor');
    await page.goto(app.baseUrl + TASKLIST);
    await page.locator('.task-filter').first().waitFor();
    await logOutInTasklist(page);

    await signIn(page, app.baseUrl, 'paula', 'Paula Reyes');
    const refused = await page.goto(app.baseUrl + '/oversight');
    assert.equal(refused.status(), 403, 'the dashboard refuses a paralegal');
    const api = await page.request.get(`${app.baseUrl}/api/oversight/summary`);
    assert.equal(api.status(), 403, 'the oversight API refuses a paralegal');
  });
});

