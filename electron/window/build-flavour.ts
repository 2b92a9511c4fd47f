/**
 * Which build this is. The release workflow's smoke test drives the packaged
 * app over Chromium's debugging port, which release builds refuse; so it tests
 * a build made with BALIE_TEST_BUILD=1 (electron.vite.config.mts turns that
 * into this constant at build time). Installers are built without it: no
 * setting, switch or environment variable of a counter PC can turn it on.
 */
declare const __BALIE_TEST_BUILD__: boolean | undefined;

export const isTestBuild: boolean = typeof __BALIE_TEST_BUILD__ !== 'undefined' && __BALIE_TEST_BUILD__;
