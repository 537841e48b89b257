// Drives the web remote in Debian's headless Chromium against a real wall: a
// `hyperwall master` and one headless `hyperwall node` per display, all on
// loopback, started here and stopped by PID. Run by ctest as "web_remote";
// needs HYPERWALL_EXE (the program) and SHOW (a show the master can load).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const KEY = 'web-remote-test-key-3f9a1c';
const NODES = ['r0c0', 'r0c1', 'r1c0', 'r1c1'];  // the 2x2-1080p preset
const processes = [];
let folder, url, browser;

// A TCP port nothing listens on now (the kernel's choice, released at once).
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Starts the program with `args`; resolves once its stderr shows `ready`
// (or at once without it), rejects if it exits first.
function start(args, ready) {
  const program = process.env.HYPERWALL_EXE;
  assert.ok(program, 'HYPERWALL_EXE must name the hyperwall program');
  const child = spawn(program, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HYPERWALL_KEY: '', HYPERWALL_CACHE: join(folder, 'cache'),
      HYPERWALL_STATE: join(folder, 'state') },
  });
  processes.push(child);
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${stderr}`)));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (ready && stderr.includes(ready)) resolve(child);
    });
    if (!ready) resolve(child);
  });
}

// Polls `condition` every 100 ms until it holds or `seconds` pass.
async function until(condition, what, seconds = 20) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error('gave up waiting for ' + what);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function masterStatus() {
  const reply = await fetch(url + '/api/status');
  assert.equal(reply.status, 200);
  return reply.json();
}

// The cue (0-based) each node reports on its display, from the master's sync figures.
async function shownCues() {
  const reply = await fetch(url + '/api/sync', { headers: { Authorization: 'Bearer ' + KEY } });
  assert.equal(reply.status, 200);
  const { status } = await reply.json();
  return Object.fromEntries(status.nodes.filter((n) => n.connected).map((n) => [n.id, n.shown_cue]));
}

// Seconds into its cue each connected node says its display is, from the master's sync figures.
async function nodeElapsed() {
  const reply = await fetch(url + '/api/sync', { headers: { Authorization: 'Bearer ' + KEY } });
  assert.equal(reply.status, 200);
  const { status } = await reply.json();
  return Object.fromEntries(status.nodes.filter((n) => n.connected).map((n) => [n.id, n.elapsed_s]));
}

async function everyNodeShows(cue) {
  const shown = await shownCues();
  return NODES.every((id) => shown[id] === cue);
}

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'hw-web-remote-'));
  const port = await freePort();
  const httpPort = await freePort();
  url = 'http://127.0.0.1:' + httpPort;
  // A second show for the page to load, in the one folder the master may load from.
  writeFileSync(join(folder, 'second.hwshow'), JSON.stringify({
    hwshow: 1, title: 'Second show',
    cues: [{ media: join(process.env.SHOW, 'cue1.png'), title: 'green' },
      { media: join(process.env.SHOW, 'cue0.png'), title: 'red' }],
  }));
  await start(['master', process.env.SHOW, '--wall', '2x2-1080p', '--bind', '127.0.0.1',
    '--show-folder', folder,
    '--port', String(port), '--http-port', String(httpPort), '--key', KEY,
    '--state', join(folder, 'master-state.json'), '--cue-seconds', '600'], 'serving');
  for (const id of NODES) {
    // --frames: the page's wall picture is made of what the nodes report.
    await start(['node', '--master', '127.0.0.1:' + port, '--id', id, '--headless', '--frames',
      '--key', KEY, '--cache', join(folder, 'cache-' + id)]);
  }
  await until(async () => (await masterStatus()).nodes.every((n) => n.connected), 'every node to join');
  await until(() => everyNodeShows(0), 'every node to show the first cue');
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
  for (const child of processes) child.kill('SIGTERM');
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test('asks for the key once, then next moves the page, the master and every node', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + '/');
  await page.locator('#key-form').waitFor({ state: 'visible' });
  await page.fill('#key-input', KEY);
  await page.click('#key-form button[type=submit]');
  await page.locator('#key-form').waitFor({ state: 'hidden' });
  await page.locator('#cue-list li').first().waitFor();
  assert.equal(await page.locator('#cue-list li').count(), 3);

  await page.locator('#cue-number', { hasText: '1/3' }).waitFor();
  await page.click('button[data-command=next]');
  await page.locator('#cue-number', { hasText: '2/3' }).waitFor();
  assert.equal((await masterStatus()).cue, 2);
  await page.locator('#cue-list li.current[data-cue="2"]').waitFor();
  await until(() => everyNodeShows(1), 'every node to show cue 2');

  // The key survives a reload: no second prompt.
  await page.reload();
  await page.locator('#cue-number', { hasText: '2/3' }).waitFor();
  assert.equal(await page.locator('#key-form').isVisible(), false);
  await context.close();
});

test('the seek bar shows where the cue is and moves the master and every node', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((k) => localStorage.setItem('hyperwall.key', k), KEY);
  await page.goto(url + '/');
  await page.locator('#seek-input:enabled').waitFor();
  // 600 s cues: a few seconds in, nowhere near where the bar is let go.
  const before = await masterStatus();
  assert.ok(before.elapsedSeconds < 60, 'already ' + before.elapsedSeconds + ' s into the cue');
  await page.locator('#seek-time', { hasText: / \/ 10:00$/ }).waitFor();
  await page.locator('#seek-input').fill('300');  // as a drag ends: input, then change
  await until(async () => (await masterStatus()).elapsedSeconds >= 300, 'the master to seek');
  const after = await masterStatus();
  assert.equal(after.cue, before.cue);
  assert.equal(after.state, 'playing');
  assert.ok(after.elapsedSeconds < 310, after.elapsedSeconds + ' s into the cue after a seek to 300');
  await page.locator('#seek-time', { hasText: /^5:\d\d \/ 10:00$/ }).waitFor();
  await until(async () => {
    const elapsed = await nodeElapsed();
    return NODES.every((id) => elapsed[id] >= 300 && elapsed[id] < 310);
  }, 'every node to follow the seek');
  await context.close();
});

test('a change made elsewhere reaches the page through the event stream', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((k) => localStorage.setItem('hyperwall.key', k), KEY);
  await page.goto(url + '/');
  await page.locator('#cue-number', { hasText: '/3' }).waitFor();
  const reply = await fetch(url + '/api/goto', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ cue: 3 }),
  });
  assert.equal(reply.status, 200);
  await page.locator('#cue-number', { hasText: '3/3' }).waitFor();
  await page.locator('#cue-title', { hasText: 'cue2.png' }).waitFor();
  await until(() => everyNodeShows(2), 'every node to show cue 3');
  await context.close();
});

test('loads another show from the page: playlist, master and nodes follow', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((k) => localStorage.setItem('hyperwall.key', k), KEY);
  await page.goto(url + '/');
  await page.locator('#cue-number', { hasText: '/3' }).waitFor();
  await page.fill('#load-input', 'second.hwshow');
  await page.click('#load-form button[type=submit]');
  await page.locator('#show-title', { hasText: 'Second show' }).waitFor();
  await until(async () => (await page.locator('#cue-list li').count()) === 2, 'the new playlist');
  const loaded = await masterStatus();
  assert.equal(loaded.show.title, 'Second show');
  assert.equal(loaded.state, 'stopped');

  await page.click('button[data-command=play]');
  await page.locator('#cue-number', { hasText: '1/2' }).waitFor();
  await page.locator('#cue-title', { hasText: 'green' }).waitFor();
  await until(() => everyNodeShows(0), 'every node to show the new show', 30);

  // A show outside the show folder is refused on the page and changes nothing.
  await page.fill('#load-input', '/etc/passwd');
  await page.click('#load-form button[type=submit]');
  await page.locator('#message', { hasText: 'load refused' }).waitFor();
  assert.equal((await masterStatus()).show.title, 'Second show');
  await context.close();
});

test('fits a phone screen, draws the wall and marks a node that died', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  await page.addInitScript((k) => localStorage.setItem('hyperwall.key', k), KEY);
  await page.goto(url + '/');
  await page.locator('#node-rows tr').nth(NODES.length - 1).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, 'the page scrolls sideways by ' + overflow + ' px');
  // The wall picture arrived: the canvas took the screenshot's size.
  await page.waitForFunction(() => document.getElementById('wall-canvas').width === 960);
  await page.locator('#node-rows tr[data-node="r1c1"] td.up').waitFor();
  // Which panel is r0c0? One tap puts its card up (the node says so in its status).
  await page.click('#node-rows tr[data-node="r0c0"] button.identify');
  await page.locator('#message', { hasText: 'identifying r0c0 for 10 s' }).waitFor();
  await until(async () => (await masterStatus()).nodes.find((n) => n.id === 'r0c0').identifying,
    'r0c0 to report its identify card up');
  // The wall's log, on the page too, names who asked.
  await page.locator('#log-lines li', { hasText: 'identify r0c0 by web 127.0.0.1' }).waitFor();
  // A cue change while the page is open is plotted (one mark a change).
  const next = await fetch(url + '/api/next', { method: 'POST', headers: { Authorization: 'Bearer ' + KEY } });
  assert.equal(next.status, 200);
  await page.waitForFunction(() => {
    const plot = document.getElementById('skew-plot');
    const { data } = plot.getContext('2d').getImageData(0, 0, plot.width, plot.height);
    for (let i = 0; i < data.length; i += 4)
      if (data[i] === 0x4a && data[i + 1] === 0xa3 && data[i + 2] === 0xff) return true;
    return false;
  });

  // Last node started = last display; it freezes (its connection stays open
  // and silent): the page says stale within seconds, then down.
  const last = processes[processes.length - 1];
  last.kill('SIGSTOP');
  await page.locator('#node-rows tr.stale[data-node="r1c1"] td.stale', { hasText: 'stale' }).waitFor();
  await page.locator('#node-rows tr[data-node="r1c1"] td.down', { hasText: 'down' }).waitFor();
  last.kill('SIGKILL');
  assert.equal((await masterStatus()).nodes.find((n) => n.id === 'r1c1').connected, false);
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'remote-phone.png'), fullPage: true });
  }
  await context.close();
});

test('the wall picture is fetched again while the page is shown (nodes send new frames)', async () => {
  // A stopped wall: no cue change fetches the picture.
  const stopped = await fetch(url + '/api/stop', { method: 'POST', headers: { Authorization: 'Bearer ' + KEY } });
  assert.equal(stopped.status, 200);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((k) => localStorage.setItem('hyperwall.key', k), KEY);
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

test('shows the opening hours: now, today\'s slots and the next change (docs/schedule.md)', async () => {
  // A master of its own, on a manual schedule clock: Monday 10:00 UTC.
  const port = await freePort();
  const httpPort = await freePort();
  writeFileSync(join(folder, 'schedule.json'), JSON.stringify({
    time_zone: 'UTC',
    week: { monday: [{ from: '09:00', to: '13:00', show: process.env.SHOW },
      { from: '13:00', to: '18:00', show: 'second.hwshow' }] },
  }));
  await start(['master', '--schedule', join(folder, 'schedule.json'),
    '--manual-schedule-clock', '2026-03-30T10:00:00Z', '--wall', '2x2-1080p', '--bind', '127.0.0.1',
    '--port', String(port), '--http-port', String(httpPort), '--key', KEY,
    '--state', join(folder, 'scheduled-state.json')], 'serving');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.addInitScript((k) => localStorage.setItem('hyperwall.key', k), KEY);
  await page.goto('http://127.0.0.1:' + httpPort + '/');
  await page.locator('#hours-now', { hasText: 'open, playing' }).waitFor();
  assert.match(await page.textContent('#hours-now'), /Mon 2026-03-30 10:00:00 UTC \(manual clock\)/);
  assert.match(await page.textContent('#hours-today li.current'), /09:00–13:00/);
  assert.match(await page.textContent('#hours-today'), /13:00–18:00 second\.hwshow/);
  assert.match(await page.textContent('#hours-next'),
    /plays second\.hwshow at Mon 2026-03-30 13:00 UTC \(in 3:00:00\)/);
  await context.close();
});

// Last: wrong keys make the master throttle this address (docs/api.md), which
// would hold up the tests after it.
test('a wrong key is refused and changes nothing', async () => {
  const before = (await masterStatus()).cue;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('hyperwall.key', 'not-the-key'));
  await page.goto(url + '/');
  await page.locator('#cue-number', { hasText: '/' }).waitFor();  // whichever show is loaded
  await page.click('button[data-command=next]');
  await page.locator('#key-problem', { hasText: 'refused' }).waitFor();
  assert.equal((await masterStatus()).cue, before);
  await context.close();
});
