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
    node.dataset.version = Number(node.dataset.version || 0) + 1;  // tours wait for a change
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
  document.getElementById("conversation").onclick = async () => {
    // The old school invites to the handover conversation of an approved switch (C art. 11.3).
    const requests = await api("GET", "/api/v1/overstap/requests") || [];
    const approved = requests.filter((r) => r.state === "approved").pop();
    if (!approved) return log("no approved overstap request to invite for", 404, "");
    const day = iso(new Date(new Date(STATE.now).getTime() + 86400000)).slice(0, 10);
    return api("POST", `/api/v1/overstap/requests/${approved.id}/conversation`,
               {at: `${day}T10:00:00`, place: "Hengelo, Marktstraat 12 (lokaal 1)"});
  };
  document.getElementById("held").onclick = async () => {
    // After the conversation's time, the old school records it as held; only then is the
    // participant asked for consent (C art. 11.3).
    const requests = await api("GET", "/api/v1/overstap/requests") || [];
    const accepted = requests.filter((r) => r.state === "conversation_accepted").pop();
    if (!accepted) return log("no accepted handover conversation to record", 404, "");
    return api("POST", `/api/v1/overstap/requests/${accepted.id}/conversation-held`);
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

async function jump(days, hour) {
  const result = await post("/demo/clock", hour === undefined ? {days} : {days, hour});
  STATE.now = result.now;
  showNow();
  log(hour === undefined ? `clock +${days} day(s), sweeps run` : `clock to ${hour}:00, sweeps run`,
      200, result.now);
  await loadLessons();
}

// ---- guided tours: steps the page plays, or the visitor does by hand -------------------------

// A step says what happens; `act` is what the page does for it (a console button, a clock jump,
// a message typed or a button pressed in a chat); `wait` what the visitor then sees in a chat.
const TOURS = [
  {title: "A rooster change reaches an Arabic participant", steps: [
    {say: "The school moves the next lesson an hour later: in the console, “Move 1 hour later” "
          + "calls PUT /api/v1/lessons/… with the complete planning (level, place, mode, "
          + "teacher), as the school's own system would.",
     act: {click: "#move"}, wait: {chat: "Amira Haddad", fresh: true}},
    {say: "Amira reads the change at once, in Arabic, right to left (a change within 12 hours "
          + "is urgent and ignores quiet hours). /rooster shows her week with the new time.",
     act: {chat: "Amira Haddad", send: "/rooster"}, wait: {chat: "Amira Haddad", fresh: true}},
  ]},
  {title: "A klacht: its deadline reminder and escalation", steps: [
    {say: "Amira filed a klacht 19 days ago; Joost, the klachtbehandelaar, has it and has not "
          + "yet decided on treatment (deadline: 4 weeks after receipt, norm 1.5.2).",
     wait: {chat: "Joost Brinkman", text: "Amira Haddad"}},
    {say: "A week later, 2 days before the deadline, Joost is reminded.",
     act: {jump: 7}, wait: {chat: "Joost Brinkman", text: "Herinnering: klacht"}},
    {say: "Another week: the deadline has passed. The coordinator Ineke gets an escalation; "
          + "the participant hears of the Blik op Werk klachtenlijn.",
     act: {jump: 7}, wait: {chat: "Ineke Vos", text: "Escalatie: klacht"}},
    {say: "Amira's klantmanager Petra is signalled too (convenant art. 13.5).",
     wait: {chat: "Petra Kloosterman", text: "Signaal (convenant art. 13.5)"}},
  ]},
  {title: "A verzuim alert and the klantmanager's “contacted”", steps: [
    {say: "Sanne missed every lesson of the last two weeks. The sweep (each clock jump runs it) "
          + "sends her klantmanager Petra a verzuim alert (C art. 12.4).",
     act: {jump: 1}, wait: {chat: "Petra Kloosterman", text: "Verzuim: Sanne Mulder"}},
    {say: "Petra calls Sanne and presses “Contact gehad”: the alert records it and loses "
          + "that button.",
     act: {chat: "Petra Kloosterman", press: "Contact gehad", on: "Verzuim: Sanne Mulder"},
     wait: {chat: "Petra Kloosterman", text: "Verzuim: Sanne Mulder", edited: true}},
  ]},
  {title: "An overstap to another school, with consent", steps: [
    {say: "Grace asks to switch school: /overstap, “Another school”.",
     act: {chat: "Grace Okafor", send: "/overstap"},
     wait: {chat: "Grace Okafor", button: "Another school"}},
    {say: "She picks the other school.", act: {chat: "Grace Okafor", press: "Another school"},
     wait: {chat: "Grace Okafor", button: "Taalcentrum Twente (demo)"}},
    {say: "Her reason.", act: {chat: "Grace Okafor", press: "Taalcentrum Twente (demo)"},
     wait: {chat: "Grace Okafor", button: "Another school fits my goals better"}},
    {say: "Nothing more to say.",
     act: {chat: "Grace Okafor", press: "Another school fits my goals better"},
     wait: {chat: "Grace Okafor", button: "Skip"}},
    {say: "She checks and sends her request.", act: {chat: "Grace Okafor", press: "Skip"},
     wait: {chat: "Grace Okafor", button: "Send"}},
    {say: "It goes to her klantmanager Ruud.", act: {chat: "Grace Okafor", press: "Send"},
     wait: {chat: "Ruud Jansen", button: "Goedkeuren"}},
    {say: "Ruud approves (he advises; the participant and the schools decide, C art. 11.1). "
          + "Both schools hear of it: Hans at the new school without her reason.",
     act: {chat: "Ruud Jansen", press: "Goedkeuren"},
     wait: {chat: "Ruud Jansen", button: "Ja, goedkeuren"}},
    {say: "Approving cannot be undone, so Ruud confirms.",
     act: {chat: "Ruud Jansen", press: "Ja, goedkeuren"}, wait: {chat: "Hans Smit", fresh: true}},
    {say: "The school invites her to the handover conversation through its API (console: "
          + "“Invite to the handover conversation”).",
     act: {click: "#conversation"}, wait: {chat: "Grace Okafor", button: "Yes, I will come"}},
    {say: "Grace will come.", act: {chat: "Grace Okafor", press: "Yes, I will come"},
     wait: {chat: "Ineke Vos", fresh: true}},
    {say: "The conversation is tomorrow at 10:00; two days pass (clock: +1 day, twice).",
     act: {jump: 2}},
    {say: "The school records that the conversation took place (console: “The conversation took "
          + "place”); only now is Grace asked for her consent.",
     act: {click: "#held"}, wait: {chat: "Grace Okafor", button: "Answer now"}},
    {say: "She answers, item by item, what may go to the new school.",
     act: {chat: "Grace Okafor", press: "Answer now"},
     wait: {chat: "Grace Okafor", button: "Yes"}},
    {say: "Yes to each item but the last (learning obstacles stay with the old school).",
     act: {chat: "Grace Okafor", answers: ["Yes", "Yes", "Yes", "Yes", "Yes", "No"]},
     wait: {chat: "Grace Okafor", button: "Confirm"}},
    {say: "She confirms her answers; the old school is told exactly what it may hand over, "
          + "and its API refuses anything else.",
     act: {chat: "Grace Okafor", press: "Confirm"},
     wait: {chat: "Ineke Vos", text: "toestemming"}},
  ]},
];

function phoneOf(name) {
  return document.querySelector(`.phone[data-person="${name}"]`);
}

function version(name) {
  return Number(phoneOf(name).dataset.version || 0);
}

async function until(check, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`not seen within ${timeout / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function buttonIn(name, label, on) {  // the latest button with this label (in a bubble with `on`)
  const bubbles = [...phoneOf(name).querySelectorAll(".bubble.bot")]
    .filter((b) => !on || b.textContent.includes(on)).reverse();
  for (const bubble of bubbles) {
    const buttons = [...bubble.querySelectorAll(".buttons button")];
    const found = buttons.find((b) => b.textContent === label)
      || buttons.find((b) => b.textContent.includes(label));
    if (found) return found;
  }
  return null;
}

async function press(name, label, on) {
  const button = await until(() => buttonIn(name, label, on), `the button “${label}”`);
  const before = version(name);
  button.click();
  await until(() => version(name) > before, `${name}'s chat after pressing “${label}”`);
}

async function act(step) {
  const a = step.act || {};
  if (a.click) document.querySelector(a.click).click();
  if (a.jump) await jump(a.jump);
  if (a.send) {
    const input = phoneOf(a.chat).querySelector("input");
    input.value = a.send;
    input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
  }
  if (a.press) await press(a.chat, a.press, a.on);
  for (const answer of a.answers || []) await press(a.chat, answer);
}

function seen(wait, since) {
  const phone = phoneOf(wait.chat);
  if (wait.fresh) return phone.querySelectorAll(".bubble.bot").length > since;
  if (wait.button) return buttonIn(wait.chat, wait.button);
  return [...phone.querySelectorAll(".bubble.bot")].some((b) => b.textContent.includes(wait.text)
    && (!wait.edited || b.querySelector(".edited")));
}

async function runStep(item, step) {
  item.className = "running";
  try {
    const since = step.wait ? phoneOf(step.wait.chat).querySelectorAll(".bubble.bot").length : 0;
    await act(step);
    if (step.wait) await until(() => seen(step.wait, since), `${step.wait.chat}: ${step.say}`);
    item.className = "done";
  } catch (error) {
    item.className = "failed";
    item.title = String(error.message || error);
    throw error;
  }
}

function wireTours() {
  const choice = document.getElementById("tour");
  const list = document.getElementById("steps");
  choice.replaceChildren(...TOURS.map((tour, i) => el("option", {value: i}, tour.title)));
  const show = () => {
    const tour = TOURS[Number(choice.value)];
    list.replaceChildren(...tour.steps.map((step) => {
      const item = el("li", {}, step.say, " ");
      item.append(el("button", {type: "button", class: "step",
                                onclick: () => runStep(item, step)}, "do it"));
      return item;
    }));
  };
  choice.onchange = show;
  show();
  document.getElementById("play").onclick = async () => {
    const tour = TOURS[Number(choice.value)];
    const items = [...list.children];
    const status = document.getElementById("tour-status");
    status.textContent = "playing…";
    try {
      for (const [i, step] of tour.steps.entries()) {
        if (items[i].className !== "done") await runStep(items[i], step);
      }
      status.textContent = "done";
    } catch (error) {
      status.textContent = `stopped: ${error.message || error}`;
    }
  };
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
  document.getElementById("jump-night").onclick = () => jump(0, 23);
  showNow();
  wireConsole();
  wireTours();
  await loadLessons();
  document.body.dataset.ready = "yes";
}

main();
