// Runs before the first paint (loaded without defer) so a remembered dark/light choice never flashes.
(function () {
  try {
    var saved = localStorage.getItem("roadmap-docs-theme");
    if (saved === "dark" || saved === "light") {
      document.documentElement.setAttribute("data-theme", saved);
    }
  } catch (e) {
    // Storage can be unavailable (file:// in some browsers, private mode): follow the system setting.
  }
})();
