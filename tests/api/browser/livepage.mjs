// usage: node --experimental-websocket livepage.mjs CHROMIUM URL SCREENSHOT.png PROFILE_DIR [DELAY]
//
// Drives headless Chromium over the DevTools protocol (Node 20's WebSocket, no npm packages): opens the
// scoreboard, prints `READY <eid> <home score>` once the first game is on screen, then waits for a line
// `EXPECT <eid> <home score>` on stdin and for the page to show that score without a reload (it can only
// learn it from the live event stream). Saves a screenshot, prints `OK` and exits 0; anything else exits 1.
// With DELAY (seconds), the page is opened with `?delay=DELAY`: every change from the stream (the score can only
// come from there) must be shown no sooner than DELAY after it arrived, by the page's clock, and in order.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

const [chromiumPath, baseUrl, screenshotPath, profile, delayArg] = process.argv.slice(2);
const delay = Number.parseInt(delayArg || "0", 10);
const url = delay > 0 ? `${baseUrl}?delay=${delay}` : baseUrl;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const fail = (why) => { console.log(`FAIL ${why}`); cleanup(); process.exit(1); };

const chromium = spawn(chromiumPath, ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
  "--remote-debugging-port=0", `--user-data-dir=${profile}`, "--window-size=1400,900", "about:blank"],
  { stdio: ["ignore", "ignore", "pipe"] });
chromium.stderr.on("data", () => {});
function cleanup() { try { chromium.kill("SIGKILL"); } catch (e) { } }
setTimeout(() => fail("overall time limit"), 90000).unref();

async function until(what, check, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

// Chromium writes its DevTools port into the profile once it listens.
const portFile = join(profile, "DevToolsActivePort");
const port = await until("DevToolsActivePort", () => existsSync(portFile) && readFileSync(portFile, "utf8").split("\n")[0], 30000);
const targets = await until("a page target", async () => {
  try { return (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()).filter((t) => t.type === "page"); }
  catch (e) { return null; }
}, 10000);
const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
let nextId = 0;
const pending = new Map();
socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.id && pending.has(message.id)) { pending.get(message.id)(message); pending.delete(message.id); }
};
function send(method, params = {}) {
  const id = ++nextId;
  socket.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve) => pending.set(id, resolve));
}
async function evaluate(expression) {
  const reply = await send("Runtime.evaluate", { expression, returnByValue: true });
  return reply.result && reply.result.result ? reply.result.result.value : undefined;
}
const homeScore = (eid) => evaluate(`(() => { const c = document.querySelector('[data-eid="${eid}"] .team.home .score');
  return c ? c.textContent : null; })()`);

await send("Page.enable");
await send("Page.navigate", { url });
const first = await until("the first game on the board", () => evaluate(
  `(() => { const c = document.querySelector('.game'); return c && c.querySelector('.team.home .score') ?
     c.dataset.eid + ' ' + (c.querySelector('.team.home .score').textContent || '0') : null; })()`), 30000);
await until("the live stream to open", () => evaluate(`document.getElementById('status').dataset.state === 'live'`), 15000);
console.log(`READY ${first}`);

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const [verb, eid, score] = line.trim().split(" ");
  if (verb !== "EXPECT") continue;
  await until(`score ${score} for ${eid}`, async () => (await homeScore(eid)) === score, 30000 + delay * 1000);
  if (delay > 0) {
    // Every change shown so far waited at least the delay, and they were shown in the order they arrived.
    const log = await evaluate("JSON.stringify(window.endzoneDelay.log.filter((e) => e.shown !== null))");
    const shown = JSON.parse(log);
    if (!shown.length) fail("no delayed change was logged");
    for (const entry of shown)
      if (entry.shown - entry.arrived < delay * 1000 - 1) fail(`a change was shown after ${entry.shown - entry.arrived} ms`);
    for (let i = 1; i < shown.length; ++i)
      if (shown[i].shown < shown[i - 1].shown) fail("changes were shown out of order");
  }
  await sleep(1700); // let the change's highlight fade so the screenshot shows the settled board
  const shot = await send("Page.captureScreenshot", { format: "png" });
  writeFileSync(screenshotPath, Buffer.from(shot.result.data, "base64"));
  console.log("OK");
  break;
}
cleanup();
process.exit(0);
