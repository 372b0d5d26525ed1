// Search page: a small UI over Pagefind's JS API (pagefind/pagefind.js, built with the site).
// Strings come from data-* attributes so they are translated with the rest of the theme.
const box = document.getElementById("search");
const form = box.querySelector("form");
const input = box.querySelector("input[type=search]");
const filtersBox = box.querySelector(".search-filters");
const status = box.querySelector(".search-status");
const list = box.querySelector(".search-results");
const text = box.dataset;
const PAGE_SIZE = 10;

// Result URLs from Pagefind are site paths ("/2024/09/23/slug/"); turn them into links that work under a
// base path, and in a relative-URL copy (where directories need an explicit index.html).
const root = text.root.replace(/index\.html$/, "");
const relative = text.relative === "true";
function href(path) {
  const inside = path.replace(/^\//, "");
  const page = relative && (inside === "" || inside.endsWith("/")) ? inside + "index.html" : inside;
  return root + page;
}

function countText(n) {
  const template = n === 1 ? text.countOne : text.countOther;
  return template.replace("{n}", n.toLocaleString(document.documentElement.lang));
}

let pagefind = null;
let shown = [];
let searchNumber = 0;

async function load() {
  const url = new URL(text.bundle, document.baseURI).href;
  pagefind = await import(url);
  await pagefind.options({ baseUrl: "/" });
  await pagefind.init();
  // A large archive's index comes in parts (see generator/search.py): merge the others into the first, all at
  // once (one after another, each part's first requests wait for the last's: 10 parts at 40 ms a round trip
  // took 2.8 s to a first result instead of 2.2 s). Pagefind lists the parts in the order they are asked for.
  const parts = await fetch(new URL("parts.json", url)).then((r) => (r.ok ? r.json() : { merge: [] }));
  await Promise.all((parts.merge || []).map((part) => pagefind.mergeIndex(new URL(part, url).href, { baseUrl: "/" })));
  const filters = await pagefind.filters();
  const names = Object.keys(filters).sort();
  for (const name of names) {
    const label = document.createElement("label");
    label.textContent = name + " ";
    const select = document.createElement("select");
    select.name = name;
    select.append(new Option(text.all, ""));
    const values = Object.keys(filters[name]).sort((a, b) =>
      /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(b) - Number(a) : a.localeCompare(b, document.documentElement.lang));
    for (const value of values) {
      select.append(new Option(`${value} (${filters[name][value]})`, value));
    }
    select.addEventListener("change", run);
    label.append(select);
    filtersBox.append(label);
  }
  filtersBox.hidden = names.length === 0;
}

function chosenFilters() {
  const chosen = {};
  for (const select of filtersBox.querySelectorAll("select")) {
    if (select.value) chosen[select.name] = [select.value];
  }
  return chosen;
}

function render(data) {
  const item = document.createElement("li");
  item.className = "article-item";
  const title = document.createElement("h2");
  title.className = "article-item-title";
  const link = document.createElement("a");
  link.href = href(data.url);
  link.textContent = data.meta.title || data.url;
  title.append(link);
  item.append(title);
  if (data.meta.date) {
    const meta = document.createElement("p");
    meta.className = "article-item-meta";
    meta.textContent = data.meta.date;
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "article-item-summary";
  excerpt.innerHTML = data.excerpt; // Pagefind escapes the text; only its <mark> highlights are markup
  item.append(excerpt);
  return item;
}

async function showMore(number) {
  const next = shown.splice(0, PAGE_SIZE);
  const items = await Promise.all(next.map((r) => r.data()));
  if (number !== searchNumber) return;
  list.append(...items.map(render));
  box.querySelector(".search-more")?.remove();
  if (shown.length) {
    const more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = text.more;
    more.addEventListener("click", () => showMore(number));
    list.after(more);
  }
}

async function run() {
  const number = ++searchNumber;
  if (!(await ready)) return;
  const term = input.value.trim();
  const filters = chosenFilters();
  const url = new URL(window.location.href);
  if (term) url.searchParams.set("q", term);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!term && !Object.keys(filters).length) {
    list.replaceChildren();
    box.querySelector(".search-more")?.remove();
    status.textContent = "";
    return;
  }
  const search = await pagefind.search(term || null, { filters });
  if (number !== searchNumber) return; // a newer search has started
  list.replaceChildren();
  shown = [...search.results];
  status.textContent = shown.length ? countText(shown.length) : text.none;
  await showMore(number);
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(run, 200);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  run();
});

// A search typed before the index has loaded waits for it (see run); ?q= in the address starts one.
const ready = load().then(
  () => true,
  () => {
    status.textContent = text.unavailable;
    return false;
  },
);
const asked = new URLSearchParams(window.location.search).get("q");
if (asked && !input.value) input.value = asked;
if (input.value) run();
