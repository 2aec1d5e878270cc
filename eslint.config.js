// ESLint's recommended rules for the edition's own browser scripts (make lint); vendor/ holds
// published code copied as it is (tests compare it with node_modules), so it is not ours to lint.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: ["overrides/assets/javascripts/vendor/**"] },
  js.configs.recommended,
  {
    files: ["overrides/assets/javascripts/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.browser, edition: "readonly" } },
  },
  {
    files: ["overrides/assets/javascripts/workers/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.worker } },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
];
