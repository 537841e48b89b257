// Drives the web remote in Debian's headless Chromium against a real wall
// (tests/control/ControlDemoWall.cpp, a wall in one process behind the
// control API). Run by ctest as "web_remote"; needs CONTROL_DEMO_WALL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
let wall, url, key, browser;

function startWall() {
  const program = process.env.CONTROL_DEMO_WALL;
  assert.ok(program, 'CONTROL_DEMO_WALL must name the demo wall program');
  const child = spawn(program, [], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ child, line }));
    child.once('exit', (code) => reject(new Error('the demo wall exited with ' + code)));
  });
}

async function masterStatus() {
  const reply = await fetch(url + '/api/status');
  assert.equal(reply.status, 200);
  return reply.json();
}

before(async () => {
  const started = await startWall();
  wall = started.child;
  [url, key] = started.line.trim().split(' ');
  // Playwright starts Chromium on a fresh temporary profile (--user-data-dir) of its own.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (wall) wall.kill('SIGTERM');
});

test('asks for the key once, then next moves the wall and the page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + '/');
  await page.locator('#key-form').waitFor({ state: 'visible' });
  await page.fill('#key-input', key);
  await page.click('#key-form button[type=submit]');
  await page.locator('#key-form').waitFor({ state: 'hidden' });
  await page.locator('#cue-list li').first().waitFor();
  assert.equal(await page.locator('#cue-list li').count(), 3);

  await page.click('button[data-command=play]');
  await page.locator('#cue-number', { hasText: '1/3' }).waitFor();
  await page.click('button[data-command=next]');
  await page.locator('#cue-number', { hasText: '2/3' }).waitFor();
  assert.equal((await masterStatus()).cue, 2);
  await page.locator('#cue-list li.current[data-cue="2"]').waitFor();

  // The key survives a reload: no second prompt.
  await page.reload();
  await page.locator('#cue-number', { hasText: '2/3' }).waitFor();
  assert.equal(await page.locator('#key-form').isVisible(), false);
  await context.close();
});

test('a change made elsewhere reaches the page through the event stream', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((k) => localStorage.setItem('hyperwall.key', k), key);
  await page.goto(url + '/');
  await page.locator('#cue-number', { hasText: '/3' }).waitFor();
  const reply = await fetch(url + '/api/goto', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + key, 'Content-Type': 'application/json' },
    body: JSON.stringify({ cue: 3 }),
  });
  assert.equal(reply.status, 200);
  await page.locator('#cue-number', { hasText: '3/3' }).waitFor();
  await page.locator('#cue-title', { hasText: '3-blue' }).waitFor();
  await context.close();
});

test('a wrong key is refused and changes nothing', async () => {
  const before = (await masterStatus()).cue;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('hyperwall.key', 'not-the-key'));
  await page.goto(url + '/');
  await page.locator('#cue-number', { hasText: '/3' }).waitFor();
  await page.click('button[data-command=next]');
  await page.locator('#key-problem', { hasText: 'refused' }).waitFor();
  assert.equal((await masterStatus()).cue, before);
  await context.close();
});

test('fits a phone screen and draws the wall and the nodes', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  await page.addInitScript((k) => localStorage.setItem('hyperwall.key', k), key);
  await page.goto(url + '/');
  await page.locator('#node-rows tr').nth(8).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, 'the page scrolls sideways by ' + overflow + ' px');
  // The wall picture arrived: the canvas took the screenshot's size.
  await page.waitForFunction(() => document.getElementById('wall-canvas').width === 960);
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'remote-phone.png'), fullPage: true });
  }
  await context.close();
});

test('the wall picture is fetched again while the page is shown (nodes send new frames)', async () => {
  // A stopped wall: no cue change fetches the picture.
  const stopped = await fetch(url + '/api/stop', { method: 'POST', headers: { Authorization: 'Bearer ' + key } });
  assert.equal(stopped.status, 200);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((k) => localStorage.setItem('hyperwall.key', k), key);
  let fetched = 0;
  page.on('request', (request) => { if (request.url().endsWith('/api/screenshot.png')) fetched += 1; });
  await page.goto(url + '/');
  await page.waitForFunction(() => document.getElementById('wall-canvas').width === 960);
  const first = fetched;
  // Nothing on the wall changes meanwhile: only the periodic refresh fetches it again.
  await page.waitForFunction((n) => window.performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('/api/screenshot.png')).length > n, first, { timeout: 6000 });
  assert.ok(fetched > first);
  await context.close();
});
