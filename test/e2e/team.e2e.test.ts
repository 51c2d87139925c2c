// Goal: an OWNER runs the team from the Team page: invites two people (each invitation arrives by e-mail at a real SMTP server), resends one (a second mail with a new link; the first link is refused, as resending replaces the token), revokes the other (its link refused), and the invitee accepts through the e-mailed link and appears as a member; the last owner cannot remove themselves; dialogs take focus and give it back; the page works at desktop (1280×800) and phone (390×844) size with no horizontal scroll. Method: the real server on a fresh database with its mail jobs on and a real SMTP server in the test process, the built dashboard in Debian's Chromium driven through roles and labels, one browser context per person, screenshots of each step at both sizes.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile, goToSection, saveScreenshot, type BrowserPage, signInWithCookie } from '../support/browser.js';
import { mailedServer } from '../support/mailed-server.js';
import type { ReceivedMail } from '../support/smtp-test-server.js';
import type { TestApp } from '../support/test-app.js';

/** Prefix of this file's screenshots in test-artifacts/e2e/. */
const SCREENSHOT_PREFIX = 'team';
const ACCOUNT_NAME = 'E2E Team Account';
const OWNER = { email: 'olivia.team@example.com', name: 'Olivia Owner', password: 'teams are built here' };
const INVITEE = { email: 'ravi.integrator@example.com', name: 'Ravi Integrator', password: 'integrations all day' };
const REVOKED_EMAIL = 'rex.revoked@example.com';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const mailed = mailedServer();
const e2e = e2eFile(SCREENSHOT_PREFIX, mailed.options);
let t: TestApp;
let owner: BrowserPage;
let accountId: string;
/** Links from the mails, in the order they arrived. */
const links = { inviteeFirst: '', inviteeSecond: '', revoked: '' };

beforeAll(async () => {
  t = e2e.t;
  const account = await t.createAccount(ACCOUNT_NAME);
  accountId = account.accountId;
  await t.fund(account.walletId, '20');
  await e2e.createUser(account.accountId, 'OWNER', OWNER);
  owner = await e2e.open({ viewport: DESKTOP });
}, 120_000);

const mailTo = mailed.mailTo;

/** The accept link in a mail. */
function linkIn(mail: ReceivedMail): string {
  const match = new RegExp(`${t.url}/accept-invitation\\?token=swi_[A-Za-z0-9_-]{43}`).exec(mail.text ?? '');
  expect(match, mail.text ?? undefined).not.toBeNull();
  return match![0];
}

function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

/** Asserts the page does not scroll sideways. */
async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/** The few DOM globals these checks read (the test's TypeScript has no DOM library). */
interface BrowserGlobals {
  document: {
    documentElement: { scrollWidth: number };
    activeElement: { closest(selector: string): unknown; getAttribute(name: string): string | null } | null;
  };
}

/** What has the focus: whether it is inside an open dialog, and its aria-label. */
async function focus(page: Page): Promise<{ inDialog: boolean; label: string | null }> {
  return page.evaluate(() => {
    const active = (globalThis as unknown as BrowserGlobals).document.activeElement;
    return { inDialog: active?.closest('dialog[open]') != null, label: active?.getAttribute('aria-label') ?? null };
  });
}

/** Accepts an invitation link in a new browser context as `name`; returns the page (left open). */
async function openLink(link: string, viewport = PHONE): Promise<BrowserPage> {
  const person = await e2e.open({ viewport });
  await person.page.goto(link);
  await person.page.getByRole('heading', { name: 'Join your team' }).waitFor();
  await person.page.getByLabel('Your name', { exact: true }).fill(INVITEE.name);
  await person.page.getByLabel('Password', { exact: true }).fill(INVITEE.password);
  await person.page.getByLabel('Confirm password', { exact: true }).fill(INVITEE.password);
  await person.page.getByRole('button', { name: 'Accept and sign in' }).click();
  return person;
}

describe('the Team page', () => {
  it('shows the owner as the only member and no invitations', async () => {
    const { page } = owner;
    await signInWithCookie(page, t.url, { ...OWNER, account: ACCOUNT_NAME });
    await goToSection(page, 'Team', '/team');
    const members = region(page, 'Members');
    await members.getByRole('row', { name: OWNER.name }).getByText('(you)').waitFor();
    await region(page, 'Invitations').getByText('No open invitations.').waitFor();
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '01-desktop-empty');
  });

  it('invites two people: each invitation is e-mailed with its link and listed as waiting', async () => {
    const { page } = owner;
    const invite = region(page, 'Invite a teammate');
    for (const [email, role, label] of [
      [INVITEE.email, 'INTEGRATOR', 'Integrator'],
      [REVOKED_EMAIL, 'CAMPAIGN_MANAGER', 'Campaign manager'],
    ] as const) {
      if (await invite.getByRole('button', { name: 'Invite someone else' }).count()) {
        await invite.getByRole('button', { name: 'Invite someone else' }).click();
      }
      await invite.getByLabel('E-mail', { exact: true }).fill(email);
      await invite.getByLabel('Role', { exact: true }).selectOption(role);
      await invite.getByRole('button', { name: 'Invite', exact: true }).click();
      await invite.getByText(`Invitation e-mailed to ${email} as ${label}`, { exact: false }).waitFor();
      const row = region(page, 'Invitations').getByRole('row', { name: email });
      await row.getByText('Waiting').waitFor();
      await row.getByText(label, { exact: true }).waitFor();
    }
    const inviteeMail = await mailTo(INVITEE.email, 1);
    expect(inviteeMail.subject).toBe(`You are invited to join ${ACCOUNT_NAME} on Spendwire`);
    expect(inviteeMail.text).toContain(`${OWNER.name} invites you to join ${ACCOUNT_NAME} on Spendwire as integrator.`);
    links.inviteeFirst = linkIn(inviteeMail);
    links.revoked = linkIn(await mailTo(REVOKED_EMAIL, 1));
    // The link shown on the page is the e-mailed one.
    expect(await invite.getByLabel('Invitation link', { exact: true }).inputValue()).toBe(links.revoked);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '02-desktop-invited');
  });

  it('resends an invitation after a confirmation: a second mail with a new link; focus moves into the dialog and back', async () => {
    const { page } = owner;
    const resendButton = region(page, 'Invitations').getByRole('button', { name: `Resend the invitation to ${INVITEE.email}` });
    await resendButton.click();
    const dialog = page.getByRole('dialog', { name: `Resend the invitation to ${INVITEE.email}?` });
    await dialog.waitFor();
    expect((await focus(page)).inDialog).toBe(true);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '03-desktop-resend-dialog');
    await dialog.getByRole('button', { name: 'Resend', exact: true }).click();
    await page.getByRole('status').getByText(`Invitation e-mailed again to ${INVITEE.email}, with a new link.`).waitFor();
    await region(page, 'Invitations').getByRole('row', { name: INVITEE.email }).getByText('(2 e-mails)').waitFor();
    expect(await focus(page)).toEqual({ inDialog: false, label: `Resend the invitation to ${INVITEE.email}` });

    const second = await mailTo(INVITEE.email, 2);
    expect(second.subject).toBe(`Reminder: you are invited to join ${ACCOUNT_NAME} on Spendwire`);
    links.inviteeSecond = linkIn(second);
    expect(links.inviteeSecond).not.toBe(links.inviteeFirst);
  });

  it('revokes the other invitation after a confirmation: it leaves the list', async () => {
    const { page } = owner;
    await region(page, 'Invitations')
      .getByRole('button', { name: `Revoke the invitation to ${REVOKED_EMAIL}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Revoke the invitation to ${REVOKED_EMAIL}?` });
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await page.getByRole('status').getByText(`The invitation to ${REVOKED_EMAIL} was revoked`, { exact: false }).waitFor();
    await region(page, 'Invitations').getByRole('row', { name: REVOKED_EMAIL }).waitFor({ state: 'detached' });
    await saveScreenshot(page, SCREENSHOT_PREFIX, '04-desktop-revoked');
  });

  it('refuses the revoked link and the replaced first link, on a phone', async () => {
    for (const [link, step] of [
      [links.revoked, '05-phone-revoked-link'],
      [links.inviteeFirst, '06-phone-replaced-link'],
    ] as const) {
      const { page } = await openLink(link);
      await page.getByRole('alert').getByText('This invitation link no longer works', { exact: false }).waitFor();
      await expectNoHorizontalScroll(page, PHONE.width);
      await saveScreenshot(page, SCREENSHOT_PREFIX, step);
    }
  });

  it('the invitee accepts through the second e-mailed link, on a phone, and is signed in', async () => {
    const { page } = await openLink(links.inviteeSecond);
    await page.getByRole('heading', { name: ACCOUNT_NAME }).waitFor();
    await page.getByRole('banner').getByText(INVITEE.name, { exact: true }).waitFor();
    // (The Overview's own phone layout is another page's work: only the Team and accept pages are measured here.)
    await saveScreenshot(page, SCREENSHOT_PREFIX, '07-phone-invitee-signed-in');
  });

  it('the owner sees the invitee as a member, and cannot remove the last owner', async () => {
    const { page } = owner;
    await page.reload();
    const members = region(page, 'Members');
    const row = members.getByRole('row', { name: INVITEE.name });
    await row.getByText(INVITEE.email).waitFor();
    await row.getByText('Integrator', { exact: true }).waitFor();
    await region(page, 'Invitations').getByText('No open invitations.').waitFor();

    await members.getByRole('button', { name: `Remove ${OWNER.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${OWNER.name} from the team?` });
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.getByRole('alert').getByText('This is the account’s last owner: make someone else an owner first.').waitFor();
    await saveScreenshot(page, SCREENSHOT_PREFIX, '08-desktop-last-owner');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await members.getByRole('row', { name: OWNER.name }).waitFor();
    await expectNoHorizontalScroll(page, DESKTOP.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '09-desktop-members');
  });

  it('at phone size the members and invitations read as cards, with no horizontal scroll', async () => {
    // One more open invitation, so the phone shows both lists filled.
    await t.ok(t.adminToken, 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { token } }', {
      input: { accountId, email: 'phone.invitee@example.com', role: 'CAMPAIGN_MANAGER' },
    });
    const phone = await e2e.open({ viewport: PHONE });
    const { page } = phone;
    await signInWithCookie(page, t.url, { ...OWNER, account: ACCOUNT_NAME }, '/team');
    await region(page, 'Members').getByRole('row', { name: INVITEE.name }).waitFor();
    await region(page, 'Invitations').getByRole('row', { name: 'phone.invitee@example.com' }).waitFor();
    await expectNoHorizontalScroll(page, PHONE.width);
    // The actions stay on screen in each card.
    const remove = region(page, 'Members').getByRole('button', { name: `Remove ${INVITEE.name}` });
    const box = await remove.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '10-phone-team');
    await region(page, 'Members')
      .getByRole('button', { name: `Change the role of ${INVITEE.name}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Change the role of ${INVITEE.name}?` });
    await dialog.getByLabel('New role', { exact: true }).selectOption('CAMPAIGN_MANAGER');
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreenshot(page, SCREENSHOT_PREFIX, '11-phone-change-role');
    await dialog.getByRole('button', { name: 'Change role', exact: true }).click();
    await page.getByRole('status').getByText(`${INVITEE.name} is now campaign manager.`).waitFor();
    await region(page, 'Members').getByRole('row', { name: INVITEE.name }).getByText('Campaign manager', { exact: true }).waitFor();
  });
});
