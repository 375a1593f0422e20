// The demo page: one phone per demo person (live over server-sent events), a school console
// calling the real /api/v1 with the demo school's key, and the demo clock. No libraries.
"use strict";

const RTL = new Set(["ar", "fa", "fa_AF", "ps", "he", "ur"]);
let STATE = null;
const HANDLERS = new Map();  // chat id -> what to do with one of its events

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify(body || {}),
  });
  return response.json();
}

function fill(bubble, message, userId) {
  bubble.replaceChildren();
  bubble.append(message.text || message.caption || "");
  if (message.document) {
    const name = message.document.file_name || "document";
    bubble.append(el("br"), el("a", {
      class: "doc", download: name,
      href: `/demo/files/${message.document.file_id}?name=${encodeURIComponent(name)}`,
    }, "📄 " + name));
  }
  if (message.photo) bubble.prepend("🖼 ");
  if (message.voice) bubble.append("🎤 voice note");
  const rows = (message.reply_markup || {}).inline_keyboard || [];
  if (rows.length) {
    const grid = el("div", {class: "buttons"});
    for (const row of rows) {
      const line = el("div", {class: "row"});
      for (const button of row) {
        line.append(el("button", {
          type: "button", dir: "auto",
          onclick: () => post(`/demo/chats/${userId}/press`,
                              {message_id: message.message_id,
                               callback_data: button.callback_data || ""}),
        }, button.text));
      }
      grid.append(line);
    }
    bubble.append(grid);
  }
  if (message.edit_date) bubble.append(el("span", {class: "edited"}, "edited"));
}

function phone(person) {
  const messages = el("div", {class: "messages", dir: RTL.has(person.language) ? "rtl" : "ltr"});
  const input = el("input", {placeholder: "Message", dir: "auto", "aria-label": "message"});
  const send = async () => {
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    const result = await post(`/demo/chats/${person.user_id}/send`, {text});
    if (result.message_id) add({message_id: result.message_id, text}, false);
  };
  input.addEventListener("keydown", (event) => { if (event.key === "Enter") send(); });
  const byId = new Map();
  function add(message, fromBot) {
    let bubble = byId.get(message.message_id);
    if (!bubble) {
      bubble = el("div", {class: "bubble " + (fromBot ? "bot" : "user"), dir: "auto"});
      byId.set(message.message_id, bubble);
      messages.append(bubble);
    }
    fill(bubble, message, person.user_id);
    bubble.dataset.messageId = message.message_id;
    messages.scrollTop = messages.scrollHeight;
    return bubble;
  }
  const node = el("article", {
    class: "phone", "data-person": person.name, "data-role": person.role,
    "data-language": person.language,
  },
    el("div", {class: "title"}, person.name, el("small", {}, person.role)),
    messages,
    el("div", {class: "compose"}, input,
       el("button", {type: "button", onclick: send, title: "send"}, "➤"),
       el("button", {type: "button", title: "voice note",
                     onclick: async () => {
                       const r = await post(`/demo/chats/${person.user_id}/voice`);
                       if (r.message_id) add({message_id: r.message_id, voice: {}}, false);
                     }}, "🎤"),
       el("button", {type: "button", title: "photo",
                     onclick: async () => {
                       const r = await post(`/demo/chats/${person.user_id}/photo`);
                       if (r.message_id) add({message_id: r.message_id, photo: [],
                                              caption: "foto"}, false);
                     }}, "📷")));
  HANDLERS.set(person.user_id, (data) => {
    if (data.kind === "snapshot") {
      for (const entry of data.messages) add(entry.message, entry.from_bot);
    } else if (data.kind === "delete") {
      const bubble = byId.get(data.message_id);
      if (bubble) bubble.remove();
      byId.delete(data.message_id);
    } else {
      const bubble = add(data.message, true);
      if (data.kind === "edit") {
        bubble.classList.add("flash");
        setTimeout(() => bubble.classList.remove("flash"), 1500);
      }
    }
  });
  return node;
}

// ---- school console: the real API, request beside answer -------------------------------------

function log(request, status, answer) {
  const item = el("li", {},
    el("div", {class: "req"}, request),
    el("div", {class: status < 400 ? "ok" : "err"}, `${status} ${answer}`));
  document.getElementById("log").prepend(item);
}

async function api(method, path, body) {
  const text = body === undefined ? "" : " " + JSON.stringify(body);
  const response = await fetch(path, {
    method,
    headers: {"Authorization": `Bearer ${STATE.school_key}`, "Content-Type": "application/json"},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.text();
  log(`${method} ${path}${text}`, response.status, answer);
  return response.ok ? JSON.parse(answer || "null") : null;
}

function iso(date) {  // ISO 8601 in UTC, with its offset (Z)
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

let LESSONS = [];  // lessons ahead: to move or cancel
let PAST = [];  // lessons that started: to register attendance for

async function loadLessons() {
  const from = new Date(new Date(STATE.now).getTime() - 14 * 86400000);
  const to = new Date(from.getTime() + 21 * 86400000);
  const day = (d) => iso(d).slice(0, 10);
  const response = await fetch(`/api/v1/lessons?from=${day(from)}&to=${day(to)}`,
                               {headers: {"Authorization": `Bearer ${STATE.school_key}`}});
  const now = new Date(STATE.now);
  const all = (response.ok ? await response.json() : []).filter((lesson) => !lesson.cancelled);
  LESSONS = all.filter((lesson) => new Date(lesson.start) > now);
  PAST = all.filter((lesson) => new Date(lesson.start) <= now).reverse();
  const option = (lesson) => el("option", {value: lesson.external_id},
    `${lesson.external_id} ${lesson.kind} ${lesson.start.slice(11, 16)}`);
  document.getElementById("lesson").replaceChildren(...LESSONS.map(option));
  document.getElementById("past-lesson").replaceChildren(...PAST.map(option));
}

function chosenLesson() {
  const id = document.getElementById("lesson").value;
  return LESSONS.find((lesson) => lesson.external_id === id);
}

function wireConsole() {
  const participant = () => document.getElementById("participant").value;
  document.getElementById("participant").replaceChildren(...STATE.people
    .filter((p) => p.external_id)
    .map((p) => el("option", {value: p.external_id}, `${p.external_id} ${p.name}`)));
  document.getElementById("move").onclick = async () => {
    const lesson = chosenLesson();
    if (!lesson) return;
    const shift = (value) => iso(new Date(new Date(value).getTime() + 3600000));
    await api("PUT", `/api/v1/lessons/${lesson.external_id}`, {
      group: lesson.group, kind: lesson.kind, level: lesson.level, start: shift(lesson.start),
      end: shift(lesson.end), location: lesson.location, mode: lesson.mode,
      teacher: lesson.teacher,
    });
    await loadLessons();
  };
  document.getElementById("add").onclick = async () => {
    const lesson = chosenLesson();  // an extra afternoon lesson for the same group, that day
    if (!lesson) return;
    const later = (value, hours) => iso(new Date(new Date(value).getTime() + hours * 3600000));
    await api("PUT", `/api/v1/lessons/${lesson.external_id}-EXTRA`, {
      group: lesson.group, kind: "KNM", level: lesson.level, start: later(lesson.start, 5),
      end: later(lesson.start, 7), location: lesson.location, mode: "classroom",
      teacher: lesson.teacher,
    });
    await loadLessons();
  };
  document.getElementById("cancel").onclick = async () => {
    const lesson = chosenLesson();
    if (lesson) await api("POST", `/api/v1/lessons/${lesson.external_id}/cancel`);
    await loadLessons();
  };
  const register = (status, reason) => async () => {
    const lesson = document.getElementById("past-lesson").value;
    if (!lesson) return;
    await api("PUT", `/api/v1/attendance/${lesson}/${participant()}`,
              reason ? {status, reason} : {status});
  };
  document.getElementById("present").onclick = register("present");
  document.getElementById("absent").onclick = register("absent", "ill");
  document.getElementById("dropout").onclick = () =>
    api("PUT", `/api/v1/participants/${participant()}/status`, {status: "dropped_out"});
  document.getElementById("holiday").onclick = () => {
    const start = new Date(new Date(STATE.now).getTime() + 7 * 86400000);
    const day = iso(start).slice(0, 10);
    return api("PUT", `/api/v1/holidays/H-${day}`,
               {name: "Studiedag", starts_on: day, ends_on: day});
  };
  document.getElementById("suspend").onclick = async () => {
    const result = await post("/demo/suspend");
    log(result.command, 200, result.output);
  };
}

// ---- clock and hours -----------------------------------------------------------------------

function showNow() {
  document.getElementById("now").textContent = new Date(STATE.now).toLocaleString("nl-NL",
    {weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
     timeZone: STATE.tz});
}

async function jump(days) {
  const result = await post("/demo/clock", {days});
  STATE.now = result.now;
  showNow();
  log(`clock +${days} day(s), sweeps run`, 200, result.now);
  await loadLessons();
}

async function main() {
  for (;;) {  // 503 while the demo people go on from the privacy notice
    const response = await fetch("/demo/state");
    if (response.ok) { STATE = await response.json(); break; }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  document.getElementById("key").textContent = STATE.school_key;
  document.getElementById("school").textContent = STATE.school_name;
  const phones = document.getElementById("phones");
  for (const person of STATE.people) phones.append(phone(person));
  const source = new EventSource("/demo/events");  // one stream for every chat
  source.onmessage = (event) => {
    const data = JSON.parse(event.data);
    const handler = HANDLERS.get(data.chat_id);
    if (handler) handler(data);
  };
  const hours = document.getElementById("hours");
  hours.checked = STATE.hours_on;
  hours.onchange = async () => { STATE.hours_on = (await post("/demo/hours",
                                                              {on: hours.checked})).hours_on; };
  document.getElementById("jump-day").onclick = () => jump(1);
  document.getElementById("jump-week").onclick = () => jump(7);
  showNow();
  wireConsole();
  await loadLessons();
  document.body.dataset.ready = "yes";
}

main();
