// The hyperwall web remote: commands over the control API (docs/api.md), live
// status from its event stream, a picture of the wall, node health and skew.
'use strict';

const KEY_STORAGE = 'hyperwall.key';
const SKEW_WINDOW_S = 5 * 60;         // s, the skew plot's width (the status keeps as much)
const SCREENSHOT_EVERY_MS = 3000;      // the wall picture (nodes' own frames) refreshes this often while shown
const SEEK_STEP_S = 0.1;               // s, the seek bar's resolution; its end is one step before the cue's

const $ = (id) => document.getElementById(id);
const state = {
  status: null,
  playlistGeneration: -1,
  wallPicture: null,
  lastShotKey: '',
  lastShotAt: 0,
  following: false,  // true while the event stream is read or retried
  seeking: false,    // true while the seek bar is dragged: statuses do not move it
  seekScheduled: false,  // true from a seek's reply until the master no longer has it scheduled
};

function wallKey() { return localStorage.getItem(KEY_STORAGE) || ''; }

function authHeaders() {
  const key = wallKey();
  // The master's log names who asked: "next by web 10.0.0.23".
  return key ? { Authorization: 'Bearer ' + key, 'X-Hyperwall-Client': 'web remote' } : {};
}

function say(text) { $('message').textContent = text; }

function askForKey(problem) {
  $('key-form').hidden = false;
  $('key-problem').textContent = problem || '';
  $('key-input').focus();
}

// Sends a command; true when the master took it. Its answer goes to
// `answered` (the wall's status, unless the command answers otherwise).
async function command(name, body, answered = showStatus) {
  if (!wallKey()) { askForKey('Enter the wall key to control the wall.'); return false; }
  let reply;
  try {
    reply = await fetch('/api/' + name, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(body || {}),
    });
  } catch (e) {
    say('Cannot reach the master: ' + e.message);
    return false;
  }
  const answer = await reply.json().catch(() => ({ error: 'HTTP ' + reply.status }));
  if (reply.status === 401) { askForKey('The master refused that key.'); return false; }
  if (reply.status === 429) {
    // Too many wrong keys from this address (docs/api.md): the master makes it wait.
    askForKey('The master refused that key; try again in ' +
      (reply.headers.get('Retry-After') || 'a few') + ' s.');
    return false;
  }
  if (!reply.ok) { say(name + ' refused: ' + answer.error); return false; }
  say('');
  answered(answer);
  return true;
}

function formatSeconds(s) {
  const whole = Math.max(0, Math.round(s));
  return Math.floor(whole / 60) + ':' + String(whole % 60).padStart(2, '0');
}

// h:mm:ss from an hour on, as `ctl schedule` writes how long until the next change.
function formatHours(s) {
  const whole = Math.max(0, Math.round(s));
  if (whole < 3600) return formatSeconds(whole);
  return Math.floor(whole / 3600) + ':' + String(Math.floor(whole / 60) % 60).padStart(2, '0') + ':' +
      String(whole % 60).padStart(2, '0');
}

function showStatus(status) {
  state.status = status;
  if (!status.scheduled) state.seekScheduled = false;
  $('show-title').textContent = status.show.title || 'no show loaded';
  $('cue-number').textContent = status.cue > 0 ? status.cue + '/' + status.cueCount : '–/' + status.cueCount;
  $('cue-title').textContent = status.cueTitle;
  const playState = $('play-state');
  playState.textContent = status.state;
  playState.className = 'state ' + status.state;
  $('time-left').textContent = status.cue > 0 ? formatSeconds(status.timeLeftSeconds) + ' left' : '';
  $('pattern-toggle').classList.toggle('on', status.testPattern);
  $('blank-toggle').classList.toggle('on', status.blank);
  $('goto-input').max = status.cueCount;
  showPosition(status);
  showSchedule(status.schedule);
  showNodes(status.nodes);
  drawSkewPlot(status.recentSkews);
  markCurrentCue();
  if (status.show.generation !== state.playlistGeneration) loadPlaylist(status.show.generation);
  refreshWallPicture(false);
  refreshLog();
}

// The wall's log (GET /api/log), newest first: fetched after each status,
// only what is new since the last line shown.
const LOG_LINES_SHOWN = 100;
let logLast = 0;
let logFetching = false;
async function refreshLog() {
  if (!wallKey() || logFetching) return;
  logFetching = true;
  try {
    const reply = await fetch('/api/log?after=' + logLast, { headers: authHeaders() });
    if (!reply.ok) return;
    const { events } = await reply.json();
    const list = $('log-lines');
    for (const event of events) {
      logLast = Math.max(logLast, event.seq);
      const li = document.createElement('li');
      li.textContent = event.clock.slice(0, 8) + ' ' + event.text;
      list.prepend(li);
    }
    while (list.children.length > LOG_LINES_SHOWN) list.lastChild.remove();
  } catch (e) {
    // The next status tries again.
  } finally {
    logFetching = false;
  }
}

// The seek bar: where the wall is in the current cue, and its length.
function showPosition(status) {
  showMovie(status.movie);
  showPreparing(status.preparing || []);
  const bar = $('seek-input');
  const onWall = status.cue > 0;
  bar.disabled = !onWall;
  if (!onWall) {
    bar.value = 0;
    $('seek-time').textContent = '–';
    return;
  }
  // Until a seek takes effect the wall is still where it was; the bar stays where it was let go.
  if (state.seeking || state.seekScheduled) return;
  // A seek must land inside the cue (docs/api.md): the bar ends one step before its end.
  bar.max = Math.max(0, status.cueSeconds - SEEK_STEP_S);
  bar.value = status.elapsedSeconds;
  $('seek-time').textContent = formatSeconds(status.elapsedSeconds) + ' / ' + formatSeconds(status.cueSeconds);
}

// Opening hours (docs/schedule.md): open or closed now, today's slots, the next change.
function showSchedule(schedule) {
  $('hours').hidden = !schedule;
  if (!schedule) return;
  $('hours-now').textContent = schedule.now + (schedule.manualClock ? ' (manual clock)' : '') + ': ' +
      (schedule.open ? 'open, playing ' + schedule.show : 'closed, wall blanked');
  const list = $('hours-today');
  list.replaceChildren(...schedule.today.map((slot) => {
    const item = document.createElement('li');
    item.textContent = slot.from + '–' + slot.to + ' ' + slot.show;
    item.classList.toggle('current', slot.now);
    return item;
  }));
  if (schedule.today.length === 0) {
    const item = document.createElement('li');
    item.textContent = 'closed all day';
    list.append(item);
  }
  const next = schedule.next;
  $('hours-next').textContent = !next ? 'next: no change within a week' :
      'next: ' + (next.show ? 'plays ' + next.show : 'closes') + ' at ' + next.at + ' (in ' +
          formatHours(next.inSeconds) + ')';
}

// Where the cue's movie is by the master's clock: its time in the pass, frame and pass from 1.
function showMovie(movie) {
  $('movie-position').textContent = !movie ?
      '' :
      'movie ' + formatSeconds((movie.frame - 1) / movie.fps) + ' / ' +
          formatSeconds(movie.passSeconds) + ', frame ' + movie.frame + '/' + movie.frames +
          ', pass ' + movie.pass + '/' + movie.passes;
}

// Per-display movies the master is making: those cues are skipped until they are made.
function showPreparing(preparing) {
  $('movies-preparing').textContent = preparing.map((p) => {
    const head = 'cue ' + p.cue + ' (' + p.movie + '): ';
    if (p.error) return head + 'per-display movies failed, cue skipped: ' + p.error;
    const made = p.framesTotal > 0 ? Math.min(100, Math.floor(p.framesDone * 100 / p.framesTotal)) + ' %' :
                                     p.framesDone + ' frames';
    return head + 'per-display movies ' + made + ' made, cue skipped until then';
  }).join('\n');
}

// A node's playback of the movie on its display: frame (from 1), dropped, queued, decode rate.
function nodeMovie(movie) {
  if (!movie) return '–';
  return (movie.frame > 0 ? 'frame ' + movie.frame : 'no frame yet') + ', ' + movie.dropped +
      ' dropped, ' + movie.queued + ' queued, ' + movie.decodeFps.toFixed(1) + ' fps';
}

// Rounded down, so 100 % means every file is in and verified (as StatusTable.cpp).
function cachePercent(share) {
  if (share >= 1) return 100;
  return Math.min(99, Math.max(0, Math.floor(share * 100 + 1e-9)));
}

// A button that puts the node's id, host, address and version on its panel
// for a few seconds, so whoever stands at the wall sees which panel it is.
function identifyButton(n, live) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'identify';
  button.textContent = n.identifying ? 'on panel' : 'identify';
  button.disabled = !live;
  button.addEventListener(
      'click',
      () => command(
          'identify', {node: n.id},
          (answer) => say(
              'identifying ' + answer.identifying.join(', ') + ' for ' + answer.seconds + ' s')));
  return button;
}

function showNodes(nodes) {
  const rows = nodes.map((n) => {
    const tr = document.createElement('tr');
    const live = n.active && n.connected;
    const stale = live && n.stale;
    // A silent node has no live figures: dashes, not its last numbers; a
    // stale one keeps its last figures, marked with how old they are.
    const figure = (value) => (live ? value.toFixed(2) : '-');
    const link = !n.active ? 'dead'
      : !n.connected ? 'down'
        : stale ? 'stale ' + Math.round(n.silentSeconds) + ' s' : 'up';
    const cells = [
      n.id, link, figure(n.clockOffsetMs), figure(n.roundTripMs), figure(n.lastCueSkewMs),
      live ? nodeMovie(n.movie) : '-',
      cachePercent(n.cacheProgress) + '%' + (n.cacheProblem ? ' !' : ''),
      // The node draws a cue's background because its media failed: an error, with the reason.
      n.mediaError ? 'error: cue ' + n.mediaErrorCue + ' shows its background: ' + n.mediaError :
                     'ok'
    ];
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 0) {
        if (live)
          td.title = 'host ' + n.host + ', address ' + n.address + ', hyperwall ' + n.version +
              ', up ' + formatSeconds(n.uptimeSeconds);
        td.appendChild(identifyButton(n, live));
      }
      if (i === 1) td.className = stale ? 'stale' : (live ? 'up' : 'down');
      if (i === cells.length - 2 && n.cacheProblem) {
        td.className = 'down';
        td.title = n.cacheProblem;  // names the file and why, as the master logs it
      }
      if (i === cells.length - 1 && n.mediaError) td.className = 'media-error';
      tr.appendChild(td);
    });
    tr.dataset.node = n.id;
    tr.classList.toggle('offline', !live);
    tr.classList.toggle('stale', stale);
    if (stale) tr.title = 'nothing heard for ' + Math.round(n.silentSeconds) + ' s: these figures are old';
    return tr;
  });
  $('node-rows').replaceChildren(...rows);
  const problems = nodes.filter((n) => n.cacheProblem).map((n) => {
    const li = document.createElement('li');
    li.textContent = 'node ' + n.id + ' ' + n.cacheProblem;
    return li;
  });
  $('cache-problems').replaceChildren(...problems);
}

// The spread between nodes of every recent cue change, at its master time:
// the newest change at the right edge, so the browser's clock does not matter.
function drawSkewPlot(changes) {
  const canvas = $('skew-plot');
  const g = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height, pad = 28;
  g.fillStyle = '#000';
  g.fillRect(0, 0, w, h);
  const top = Math.max(1, ...changes.map((c) => c.spreadMs));
  g.fillStyle = '#888';
  g.font = '11px system-ui, sans-serif';
  g.fillText(top.toFixed(1) + ' ms', 2, 12);
  g.fillText('0', 2, h - 4);
  g.strokeStyle = '#333';
  g.strokeRect(pad, 4, w - pad - 4, h - 12);
  if (!changes.length) return;
  const newest = changes[changes.length - 1].atSeconds;
  g.fillStyle = '#4aa3ff';
  for (const c of changes) {
    const x = pad + (w - pad - 4) * (1 - (newest - c.atSeconds) / SKEW_WINDOW_S);
    const y = h - 8 - (h - 16) * (c.spreadMs / top);
    g.fillRect(x - 2, y - 2, 4, 4);
  }
}

async function loadPlaylist(generation) {
  state.playlistGeneration = generation;
  const reply = await fetch('/api/playlist', { headers: authHeaders() });
  if (!reply.ok) return;
  const playlist = await reply.json();
  const items = playlist.cues.map((cue) => {
    const li = document.createElement('li');
    li.dataset.cue = cue.cue;
    if (!cue.playable) { li.classList.add('unplayable'); li.title = cue.skipReason; }
    const img = document.createElement('img');
    img.alt = '';
    img.loading = 'lazy';
    loadImage(cue.thumbnail, img);
    const label = document.createElement('span');
    label.textContent = cue.cue + '. ' + (cue.title || '(untitled)');
    li.append(img, label);
    li.addEventListener('click', () => command('goto', { cue: cue.cue }));
    return li;
  });
  $('cue-list').replaceChildren(...items);
  markCurrentCue();
}

// Images may need the key, which <img src> cannot send: fetch them as blobs.
async function loadImage(url, img) {
  const reply = await fetch(url, { headers: authHeaders() });
  if (!reply.ok) return;
  img.src = URL.createObjectURL(await reply.blob());
}

function markCurrentCue() {
  const current = state.status ? state.status.cue : 0;
  for (const li of $('cue-list').children) {
    li.classList.toggle('current', Number(li.dataset.cue) === current);
  }
}

async function refreshWallPicture(force) {
  const s = state.status;
  if (!s) return;
  // A node joining or leaving changes the picture's marks at once.
  const links = s.nodes.map((n) => (!n.connected ? '0' : n.stale ? 's' : '1')).join('');
  const shotKey = [s.show.generation, s.cue, s.testPattern, s.blank, links].join('/');
  // Nodes report new frames every few seconds; a hidden page fetches nothing.
  const due = !document.hidden && Date.now() - state.lastShotAt >= SCREENSHOT_EVERY_MS;
  if (!force && !due && shotKey === state.lastShotKey) return;
  state.lastShotKey = shotKey;
  state.lastShotAt = Date.now();
  const reply = await fetch('/api/screenshot.png', { headers: authHeaders() });
  if (!reply.ok) return;
  const blob = await reply.blob();
  $('screenshot-link').href = URL.createObjectURL(blob);
  state.wallPicture = await createImageBitmap(blob);
  drawWall();
}

// The screenshot already has the bezels and, from a master, each node's last
// frame with missing and offline ones labelled; over it go the node grid, each
// node's name (red when dead or not connected) and a red cross on those.
function drawWall() {
  const s = state.status, picture = state.wallPicture;
  if (!s || !picture) return;
  const canvas = $('wall-canvas');
  canvas.width = picture.width;
  canvas.height = picture.height;
  const g = canvas.getContext('2d');
  g.drawImage(picture, 0, 0);
  const wall = s.wall;
  const canvasW = wall.cols * wall.displayWidth + (wall.cols - 1) * wall.gapX;
  const scale = picture.width / canvasW;
  // Labels in screen-sized letters, whatever the picture is scaled to.
  const shown = canvas.getBoundingClientRect().width || canvas.width;
  const letter = Math.max(10, Math.round(12 * canvas.width / shown));
  for (const n of s.nodes) {
    const x = n.col * (wall.displayWidth + wall.gapX) * scale;
    const y = n.row * (wall.displayHeight + wall.gapY) * scale;
    const w = wall.displayWidth * scale, h = wall.displayHeight * scale;
    g.strokeStyle = 'rgba(255,255,255,0.25)';
    g.lineWidth = 1;
    g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    g.font = letter + 'px system-ui, sans-serif';
    const dead = !n.active || !n.connected;
    g.fillStyle = 'rgba(0,0,0,0.5)';
    g.fillRect(x + 2, y + 2, g.measureText(n.id).width + 8, letter + 4);
    g.fillStyle = dead ? '#ff5b5b' : '#fff';
    g.fillText(n.id, x + 6, y + letter);
    if (dead) {
      g.strokeStyle = '#ff5b5b';
      g.lineWidth = 3;
      g.beginPath();
      g.moveTo(x, y); g.lineTo(x + w, y + h);
      g.moveTo(x + w, y); g.lineTo(x, y + h);
      g.stroke();
    }
  }
}

// EventSource cannot send the key, so the stream is read with fetch.
async function followEvents() {
  state.following = true;
  for (let delay = 1000; ; delay = Math.min(delay * 2, 15000)) {
    try {
      const reply = await fetch('/api/events', { headers: authHeaders(), cache: 'no-store' });
      if (reply.status === 401) {
        state.following = false;
        askForKey('This wall needs its key even to watch it.');
        return;
      }
      if (reply.ok) {
        delay = 1000;
        await readEvents(reply.body.getReader());
      }
    } catch (e) {
      // dropped or refused: retried below
    }
    $('play-state').textContent = 'reconnecting…';
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function readEvents(reader) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split('\n').find((line) => line.startsWith('data: '));
      if (event.includes('event: status') && data) showStatus(JSON.parse(data.slice(6)));
    }
  }
}

function wireControls() {
  document.querySelectorAll('[data-command]').forEach((button) => {
    button.addEventListener('click', () => command(button.dataset.command));
  });
  $('pattern-toggle').addEventListener('click', () =>
    command('pattern', { on: !(state.status && state.status.testPattern) }));
  $('blank-toggle').addEventListener('click', () =>
    command('blank', { on: !(state.status && state.status.blank) }));
  const seekBar = $('seek-input');
  seekBar.addEventListener('input', () => {
    state.seeking = true;
    const length = state.status ? state.status.cueSeconds : 0;
    $('seek-time').textContent = formatSeconds(Number(seekBar.value)) + ' / ' + formatSeconds(length);
  });
  // Released: one seek to where the bar was let go.
  seekBar.addEventListener('change', async () => {
    state.seeking = true;
    // Set before the reply is shown, which says whether the master scheduled it.
    state.seekScheduled = true;
    const taken = await command('seek', { seconds: Number(seekBar.value) });
    state.seeking = false;
    if (!taken || !state.status || !state.status.scheduled) state.seekScheduled = false;
    if (state.status) showPosition(state.status);
  });
  $('goto-form').addEventListener('submit', (e) => {
    e.preventDefault();
    command('goto', { cue: Number($('goto-input').value) });
  });
  $('load-form').addEventListener('submit', (e) => {
    e.preventDefault();
    command('load', { source: $('load-input').value.trim() });
  });
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    localStorage.setItem(KEY_STORAGE, $('key-input').value.trim());
    $('key-input').value = '';
    $('key-form').hidden = true;
    say('');
    if (!state.following) followEvents();
  });
  $('forget-key').addEventListener('click', () => {
    localStorage.removeItem(KEY_STORAGE);
    askForKey('');
  });
  // Ticks finer than the refresh, so timer jitter never skips one.
  setInterval(() => refreshWallPicture(false), SCREENSHOT_EVERY_MS / 3);
  document.addEventListener('visibilitychange', () => refreshWallPicture(false));
}

wireControls();
if (!wallKey()) askForKey('Enter the wall key once; this browser keeps it.');
followEvents();
