// Light/dark toggle. Loaded (blocking, it is tiny) in <head> so a remembered choice applies before the first
// paint. Without JavaScript the button stays hidden and the colours follow prefers-color-scheme.
(function () {
  const KEY = "arsip-theme";
  const root = document.documentElement;
  let saved = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch (e) {
    // storage can be blocked (private modes, file://); the toggle then lasts for this page only
  }
  if (saved === "light" || saved === "dark") root.dataset.theme = saved;
  root.classList.add("js");

  const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
  const isDark = () => (root.dataset.theme ? root.dataset.theme === "dark" : systemDark.matches);

  function setUp() {
    const button = document.querySelector(".theme-toggle");
    if (!button) return;
    const show = () => button.setAttribute("aria-pressed", String(isDark()));
    button.hidden = false;
    show();
    button.addEventListener("click", () => {
      const next = isDark() ? "light" : "dark";
      root.dataset.theme = next;
      try {
        localStorage.setItem(KEY, next);
      } catch (e) {
        // not remembered, still applied
      }
      show();
    });
    systemDark.addEventListener("change", show);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
