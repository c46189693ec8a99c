// Endzone web scoreboard: shows the current week and follows /api/livescore (Server-Sent Events).
// Plain JavaScript, no build step. The EventSource reconnects by itself and sends Last-Event-ID, so the
// server replays what was missed; `?snapshot=1` asks for the latest week at once on every (re)connect.
"use strict";

const board = document.getElementById("board");
const weekLabel = document.getElementById("week");
const status = document.getElementById("status");
const message = document.getElementById("message");
const updated = document.getElementById("updated");
const cards = new Map(); // eid -> card element
let shownWeek = null; // "2015/REG/12"
let liveSeen = false; // a live update arrived: a slower initial fetch must not overwrite it

const STATES = { P: "Pregame", H: "Halftime", F: "Final", FO: "Final/OT", 5: "OT" };
// By the game's round, not its week number: the wild card is week 18 to 2020 and 19 from 2021.
const ROUNDS = { WC: "Wild Card", DIV: "Divisional", CON: "Conference", PRO: "Pro Bowl", SB: "Super Bowl" };
const teamColors = new Map(); // any abbreviation a club had ("WAS", "STL", "LV") -> its primary colour

// The spoiler delay, `?delay=45` (0-120 s), as the app applies it: one line on the way in. Every event from
// the stream waits there and is shown exactly `delay` seconds after it arrived, in arrival order; the line
// holds only the pending events, and an EventSource reconnect adds to it without dropping any. The first
// fetch of the week is shown at once: it is the board's starting point, not a change.
const delayLine = {
  seconds: Math.min(120, Math.max(0, Number.parseInt(new URLSearchParams(location.search).get("delay"), 10) || 0)),
  pending: [], // { due, apply } in arrival order
  timer: null,
  log: [], // { kind, arrived, shown } of the last changes, for the browser test
  now: () => performance.now(),
  push(kind, apply) {
    const arrived = this.now();
    const entry = { kind, arrived, shown: null };
    this.log.push(entry);
    if (this.log.length > 50) this.log.shift();
    this.pending.push({ due: arrived + this.seconds * 1000, apply: () => { entry.shown = this.now(); apply(); } });
    this.release();
  },
  release() {
    clearTimeout(this.timer);
    while (this.pending.length && this.pending[0].due <= this.now()) this.pending.shift().apply();
    if (this.pending.length) this.timer = setTimeout(() => this.release(), this.pending[0].due - this.now());
  },
};
window.endzoneDelay = delayLine;

function weekKey(game) { return `${game.season}/${game.season_type}/${game.week}`; }
function isLive(state) { return ["1", "2", "3", "4", "5", "H"].includes(state); }
function isFinal(state) { return state === "F" || state === "FO"; }

function weekTitle(game) {
  if (game.season_type === "POST") return `${game.season} · ${ROUNDS[game.game_type] || "Postseason"}`;
  if (game.season_type === "PRE") return `${game.season} · Preseason ${game.week}`;
  return `${game.season} · Week ${game.week}`;
}

function stateText(game) {
  if (game.state === "P") {
    const kickoff = new Date(game.scheduled_at);
    return isNaN(kickoff) ? "Pregame"
      : `${game.day} ${kickoff.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" })}`;
  }
  if (/^[1-4]$/.test(game.state)) return `Q${game.state} · ${game.clock || ""}`;
  if (game.state === "5") return `OT · ${game.clock || ""}`;
  return STATES[game.state] || game.state;
}

// The clubs' own colours come from the server's team directory (/api/teams), the app's single source.
async function loadTeams() {
  try {
    const teams = await (await fetch("/api/teams")).json();
    // Retired codes first, so that today's win where one was reused (BAL, HOU).
    for (const team of teams)
      for (const code of team.abbreviations) if (!teamColors.has(code)) teamColors.set(code, team.primary_color);
    for (const team of teams) teamColors.set(team.abbreviation, team.primary_color);
    for (const card of cards.values())
      for (const abbr of card.querySelectorAll(".abbr")) paintBadge(abbr);
  } catch (error) { setTimeout(loadTeams, 10000); }
}

function paintBadge(abbr) {
  const color = teamColors.get(abbr.textContent);
  if (color) abbr.style.setProperty("--team", color);
  else abbr.style.removeProperty("--team");
}

function teamRow(side) {
  const row = document.createElement("div");
  row.className = `team ${side}`;
  row.innerHTML = '<div class="abbr"></div><div class="name"><span class="nick"></span><span class="ball">●</span></div>'
    + '<div class="score"></div>';
  return row;
}

function createCard(game) {
  const card = document.createElement("article");
  card.className = "game";
  card.dataset.eid = game.id;
  card.innerHTML = '<div class="meta"><span class="state"></span><span class="badge">Red zone</span></div>';
  card.append(teamRow("visitor"), teamRow("home"));
  const situation = document.createElement("div");
  situation.className = "situation";
  card.append(situation);
  cards.set(game.id, card);
  return card;
}

function fillTeam(card, side, team, game) {
  const row = card.querySelector(`.team.${side}`);
  const abbr = row.querySelector(".abbr");
  abbr.textContent = team.abbr;
  paintBadge(abbr);
  row.querySelector(".nick").textContent = team.nickname || team.abbr;
  const score = row.querySelector(".score");
  const text = team.score === null || team.score === undefined ? "" : String(team.score);
  if (score.textContent !== text) {
    if (score.textContent !== "") { // a change, not the first paint: make it visible from afar
      score.classList.remove("flash");
      void score.offsetWidth;
      score.classList.add("flash");
    }
    score.textContent = text;
  }
  row.classList.toggle("possession", isLive(game.state) && game.possession === team.abbr);
  const other = side === "home" ? game.visitor : game.home;
  row.classList.toggle("loser", isFinal(game.state) && team.score < other.score);
}

function renderGame(game) {
  if (!game || !game.id || !game.home || !game.visitor) return;
  const card = cards.get(game.id) || createCard(game);
  card.classList.toggle("live", isLive(game.state));
  card.classList.toggle("final", isFinal(game.state));
  card.classList.toggle("redzone", isLive(game.state) && game.red_zone === true);
  card.querySelector(".state").textContent = stateText(game);
  fillTeam(card, "visitor", game.visitor, game);
  fillTeam(card, "home", game.home, game);
  // ESPN's live situation ("3rd & 4 · DET 34", then the last play); absent for the scorestrip and when not live.
  const spot = [game.down_distance, game.ball_on].filter(Boolean).join(" · ");
  card.querySelector(".situation").textContent = isLive(game.state)
    ? [spot, game.last_play].filter(Boolean).join(" — ") : "";
  card.dataset.kickoff = game.scheduled_at;
  if (!card.isConnected) board.append(card);
}

function renderWeek(games) {
  if (!Array.isArray(games) || !games.length || !games[0].id) return false;
  const key = weekKey(games[0]);
  if (key !== shownWeek) { // a new week: start over
    board.replaceChildren();
    cards.clear();
    shownWeek = key;
    weekLabel.textContent = weekTitle(games[0]);
  }
  const sorted = [...games].sort((a, b) => (a.scheduled_at + a.id).localeCompare(b.scheduled_at + b.id));
  sorted.forEach(renderGame);
  sorted.forEach((game) => board.append(cards.get(game.id))); // keep kickoff order
  message.hidden = true;
  updated.textContent = new Date().toLocaleTimeString();
  return true;
}

function setStatus(state, label) {
  status.dataset.state = state;
  status.querySelector(".label").textContent = label;
}

async function loadCurrentWeek() {
  try {
    const index = await (await fetch("/api/")).json();
    if (!index.current) {
      if (!liveSeen) { message.textContent = "No current week yet."; message.hidden = false; weekLabel.textContent = ""; }
      return;
    }
    const games = await (await fetch(index.current.url)).json();
    if (!liveSeen) renderWeek(games);
  } catch (error) {
    if (!liveSeen) { message.textContent = "Scores are unavailable right now; retrying…"; message.hidden = false; }
    setTimeout(loadCurrentWeek, 5000);
  }
}

function connect() {
  const source = new EventSource("/api/livescore?snapshot=1");
  source.onopen = () => setStatus("live", "Live");
  source.onerror = () => setStatus("reconnecting", "Reconnecting");
  source.addEventListener("update", (event) => {
    delayLine.push("update", () => {
      try {
        if (renderWeek(JSON.parse(event.data))) liveSeen = true;
      } catch (error) { /* not a week: ignore */ }
    });
  });
  source.addEventListener("game", (event) => {
    delayLine.push("game", () => {
      try {
        const game = JSON.parse(event.data);
        if (weekKey(game) === shownWeek) {
          renderGame(game);
          updated.textContent = new Date().toLocaleTimeString();
        }
      } catch (error) { /* ignore */ }
    });
  });
}

loadTeams();
connect();
loadCurrentWeek();
