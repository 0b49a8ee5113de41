// The whole flow in a real browser (Debian's chromium, driven by playwright-core) against
// `gongkai serve --demo`: an applicant applies and tracks the case; a registrar finds it and
// drafts the reply; the head of the office approves it and issues the reply letter.
//
// Usage: GONGKAI_BIN=path/to/gongkai node e2e/flow.mjs   (prints one "test result:" line)

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const bin = process.env.GONGKAI_BIN ?? 'target/debug/gongkai';
const port = 20000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;
const data = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
const shots = process.env.GONGKAI_SHOTS;

function startServer() {
  const server = spawn(bin, ['serve', '--demo', '--today', '2026-11-24', '--addr', `127.0.0.1:${port}`, '--data', data]);
  const accounts = {};
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      for (const m of out.matchAll(/^\s+(\S+)\s+密码 (\S+)/gm)) accounts[m[1]] = m[2];
      if (out.includes('gongkai 已启动')) {
        clearTimeout(timer);
        resolve({ server, accounts });
      }
    });
    server.stderr.on('data', (chunk) => { out += chunk; });
    server.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
}

const results = [];
async function step(name, body) {
  try {
    await body();
    results.push([name, null]);
    console.log(`test ${name} ... ok`);
  } catch (e) {
    results.push([name, e]);
    console.log(`test ${name} ... FAILED\n${e.stack ?? e}`);
    throw e;
  }
}

function expect(cond, what) {
  if (!cond) throw new Error(`expected: ${what}`);
}

async function login(page, user, password) {
  await page.goto(`${base}/login`);
  await page.fill('#login', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${base}/staff`), page.click('#do-login')]);
}

async function submitAction(page, label) {
  const form = page.locator('#actions form', { hasText: label }).first();
  await Promise.all([page.waitForLoadState('load'), form.locator('button').click()]);
}

const { server, accounts } = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let code = '';
try {
  const applicant = await browser.newPage();
  await step('applicant_applies_online_and_gets_a_receipt', async () => {
    await applicant.goto(base);
    await applicant.click('text=在线申请 >> nth=1');
    await applicant.waitForSelector('h1:has-text("政府信息公开申请表")');
    // A first try with a bad phone number is turned back with the reason, the input kept.
    await applicant.fill('#name', '浏览器测试人');
    await applicant.fill('#doc_number', '11010519491231002X');
    await applicant.fill('#phone', '12');
    await applicant.fill('#email', 'e2e@example.cn');
    await applicant.fill('#description', '2026年本镇农村饮水安全工程的验收报告');
    await applicant.click('#submit');
    const alert = await applicant.textContent('[role=alert]');
    expect(alert.includes('联系电话'), `an error about the phone, got ${alert}`);
    expect(await applicant.inputValue('#name') === '浏览器测试人', 'the name kept');
    await applicant.fill('#phone', '0632-8888888');
    await applicant.click('#submit');
    code = (await applicant.textContent('#tracking-code')).trim();
    expect(/^GK[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(code), `a tracking code, got ${code}`);
    if (shots) await applicant.screenshot({ path: join(shots, 'receipt.png'), fullPage: true });
  });

  await step('status_page_shows_progress_and_nothing_personal', async () => {
    await applicant.goto(`${base}/track`);
    await applicant.fill('#code', code.toLowerCase());
    await applicant.click('button:has-text("查询")');
    expect((await applicant.textContent('#state')).includes('已收到'), 'state 已收到');
    const html = await applicant.content();
    for (const secret of ['浏览器测试人', '0632-8888888', '11010519491231002X', 'e2e@example.cn']) {
      expect(!html.includes(secret), `no ${secret} on the status page`);
    }
  });

  const staff = await browser.newPage();
  await step('registrar_sees_the_dashboard_and_drafts_the_reply', async () => {
    await login(staff, 'fucheng-registrar', accounts['fucheng-registrar']);
    expect(await staff.isVisible('#overdue'), 'the overdue list');
    expect(await staff.isVisible('#by-handler'), 'the handler counts');
    await staff.goto(`${base}/staff/find?code=${code}`);
    expect((await staff.textContent('#applicant-name')).includes('浏览器测试人'), 'the applicant, to the registrar');
    await staff.selectOption('#actions form:has-text("拟定答复") select[name=outcome]', 'granted');
    await submitAction(staff, '拟定答复');
    expect((await staff.textContent('#state')).includes('答复拟稿'), 'drafted');
    if (shots) await staff.screenshot({ path: join(shots, 'case.png'), fullPage: true });
  });

  await step('approver_approves_and_issues_the_reply_letter', async () => {
    const head = await browser.newPage();
    await login(head, 'fucheng-approver', accounts['fucheng-approver']);
    await head.goto(`${base}/staff/find?code=${code}`);
    await submitAction(head, '审批通过');
    expect((await head.textContent('#state')).includes('答复已审批'), 'approved');
    await head.selectOption('#letters select[name=kind]', 'reply');
    await Promise.all([head.waitForURL(/\/staff\/letters\/\d+$/), head.click('#letters button:has-text("生成文书")')]);
    const letter = await head.textContent('body');
    expect(letter.includes('政府信息公开申请答复书'), 'the reply title');
    expect(/凫政公复〔2026〕\d+号/.test(letter), `a reference number, got ${letter.slice(0, 200)}`);
    expect(letter.includes('浏览器测试人'), 'addressed to the applicant');
    if (shots) await head.screenshot({ path: join(shots, 'letter.png'), fullPage: true });
  });

  await step('another_agency_cannot_open_the_case', async () => {
    const other = await browser.newPage();
    await login(other, 'dianzi-admin', accounts['dianzi-admin']);
    const r = await other.goto(`${base}/staff/find?code=${code}`);
    expect(r.status() === 404, `404, got ${r.status()}`);
    expect(!(await other.content()).includes('浏览器测试人'), 'no personal data');
  });
} catch {
  // reported by step()
} finally {
  await browser.close();
  server.kill();
  rmSync(data, { recursive: true, force: true });
}
const failed = results.filter(([, e]) => e).length;
console.log(`test result: ${failed ? 'FAILED' : 'ok'}. ${results.length - failed} passed; ${failed} failed`);
process.exit(failed || results.length < 5 ? 1 : 0);
