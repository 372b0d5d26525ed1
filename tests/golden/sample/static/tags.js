// Tag index: filter box and sorting by name or count, all in the page (no server). Without JavaScript
// the controls stay hidden and the full list, sorted by name, is shown.
(function () {
  const tools = document.getElementById("tag-tools");
  const list = document.getElementById("tag-index");
  if (!tools || !list) return;
  const input = tools.querySelector("input[type=search]");
  const status = tools.querySelector("[role=status]");
  const items = Array.from(list.children);
  const lang = document.documentElement.lang;
  const collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
  const fold = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase(lang);
  const keys = new Map(items.map((li) => [li, fold(li.dataset.name)]));

  function sortBy(order) {
    const sorted = items.slice().sort((a, b) =>
      order === "count"
        ? Number(b.dataset.count) - Number(a.dataset.count) || collator.compare(a.dataset.name, b.dataset.name)
        : collator.compare(a.dataset.name, b.dataset.name));
    list.append(...sorted);
  }

  function filter() {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    let visible = 0;
    for (const li of items) {
      const show = words.every((w) => keys.get(li).includes(w));
      li.hidden = !show;
      if (show) visible += 1;
    }
    const template = visible === 1 ? status.dataset.one : status.dataset.other;
    status.textContent = template.replace("{n}", visible.toLocaleString(lang));
  }

  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  const wanted = params.get("sort") === "count" ? "count" : "name";
  tools.querySelector(`input[value=${wanted}]`).checked = true;
  tools.addEventListener("change", (event) => {
    if (event.target.name === "tag-sort") sortBy(event.target.value);
  });
  input.addEventListener("input", filter);
  sortBy(wanted);
  filter();
  tools.hidden = false;
})();
